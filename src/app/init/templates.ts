// The files `iops init` writes besides the data: settings, a README for the organisation,
// line-ending rules and a CODEOWNERS suggestion. The CI workflows are in workflow.ts, the
// pinned iops they install in pin.ts.
import { paths, schemaComment } from '../../core/paths.js';
import { goalsYaml } from '../../sample/settings.js';
import { PIN_DIR } from './pin.js';

export interface InitSettings {
  organization: string;
  currency: string;
  /** What the goals lead to, such as "Founding international convention". */
  convention: string;
  /** YYYY-MM-DD: the day every goal should be met by. */
  deadline: string;
}

/** Text as a YAML scalar: plain when it reads back as the same text, else double-quoted (JSON is YAML). */
export const yamlString = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} ,.'()&-]*$/u.test(s) && !/^(y|n|yes|no|true|false|on|off|null)$/i.test(s) ? s : JSON.stringify(s));

/** The seed discussion's goals (the sample's goals.yaml) for this organisation's convention and deadline. */
export function initGoalsYaml(s: InitSettings): string {
  const seed = goalsYaml();
  const goals = seed
    .replace(/^convention: .*$/m, `convention: ${yamlString(s.convention)}`)
    .replace(/^deadline: \d{4}-\d{2}-\d{2}( *#.*)?$/m, `deadline: ${s.deadline}$1`);
  if (!goals.includes(`\ndeadline: ${s.deadline}`)) throw new Error('the seed goals.yaml has no deadline line to set');
  return goals;
}

export function iopsYaml(s: InitSettings): string {
  return [
    schemaComment(paths.iops(), 'iops'),
    `organization: ${yamlString(s.organization)}`,
    `currency: ${s.currency}                 # reporting currency (ISO 4217)`,
    'rates: {}                     # 1 unit of each other currency in the reporting currency, e.g. { GBP: 1.58 }',
    'key_documents: [values, vision, structure, mission]',
    'privacy: { min_group: 5 }     # breakdowns over fewer people are suppressed',
    '',
  ].join('\n');
}

export function readme(s: InitSettings): string {
  return `# ${s.organization}: organising records

This repository holds the organisation's records as plain YAML files, read and written by
iops (the version that checks pull requests is pinned in \`${PIN_DIR}/\`, see below). Every change
is a commit, so the history is the audit trail.

| file | what it holds |
| --- | --- |
| \`iops.yaml\` | organisation settings: reporting currency, exchange rates, key documents, privacy |
| \`goals.yaml\` | the goal set for the convention check; change it by pull request |
| \`branches/<id>.yaml\` | a national branch and its gatherings |
| \`chapters/<id>/chapter.yaml\` | one local chapter |
| \`chapters/<id>/members.yaml\` | its members: pseudonymous ids only |
| \`chapters/<id>/meetings/<date>.yaml\` | one meeting |
| \`chapters/<id>/reports/<date>.md\` | a published chapter report |
| \`chapters/<id>/dues/<year>.yaml\` | that year's dues receipts |

Common commands:

    iops validate                 # check every file
    iops readiness                # are we ready for the convention?
    iops report <chapter>         # a chapter's health report before a meeting
    iops diff main                # what a pull request does to every goal

## Checks on pull requests

Every pull request is checked by GitHub Actions (\`.github/workflows/iops.yml\`): the data must
pass \`iops validate\`, and one comment on the pull request, updated on every push, shows what
the change does to every goal (\`iops diff\` against the pull request's base).

- **Which iops runs.** iops is not on the npm registry, so the exact iops that CI runs is kept
  in this repository, in \`${PIN_DIR}/\`: the package (\`iops-<version>.tgz\`, as \`iops init\` packed
  it), and a \`package-lock.json\` that records its sha512 and every dependency at an exact
  version and hash. CI installs it with \`npm ci\`, which refuses anything that does not match.
  A pull request is checked by the iops pinned on its *base* branch, not by a pin it brings.
- **Upgrading iops** is a pull request that replaces the pin. With the new iops installed,
  offline, in this folder:

      iops init /tmp/new-pin                    # any empty folder: a pin of the new iops
      git rm -q ${PIN_DIR}/iops-*.tgz
      cp /tmp/new-pin/${PIN_DIR}/iops-*.tgz /tmp/new-pin/${PIN_DIR}/package*.json ${PIN_DIR}/
      git add ${PIN_DIR} && git commit -m "CI: run iops <version>"

  Or, from a checkout of the iops release (after \`npm ci\` in it; \`npm pack\` builds it), in \`${PIN_DIR}\`:
  \`npm pack --pack-destination . /path/to/iops\`, then
  \`npm install --save-exact --ignore-scripts ./iops-<version>.tgz\` (this rewrites \`package.json\`
  and \`package-lock.json\`, and needs the network). The upgrade's pull request is still checked
  by the old iops; the new one checks the pull requests after it is merged.
- **Review the checks like code.** A pull request can change \`${PIN_DIR}/\` or the workflows in
  \`.github/workflows/\`, and so how it is itself checked: \`.github/CODEOWNERS\` suggests that the
  coordinators approve such changes (turn on "Require review from Code Owners").
- **Pull requests from forks** get a read-only token, so the check cannot comment itself. It
  writes the comment as an artifact; a second workflow, \`iops-comment.yml\`, runs in this
  repository when the check finishes, downloads the comment, checks that it is addressed to
  the pull request that was checked, and posts it. That workflow never runs anything from the
  pull request. The check's own result (pass or fail) does not depend on the comment.

**Privacy.** Never put names, e-mail addresses, phone numbers or street addresses in these
files: members are pseudonymous ids. Anything committed stays in the git history even after
it is deleted from the files.
`;
}

export const gitattributes = '*.yaml text eol=lf\n*.md text eol=lf\n*.tgz binary\n';

export function codeowners(dataDir: string): string {
  const prefix = dataDir === '' ? '/' : `/${dataDir}/`;
  return `# Suggested: goal definitions change only with the coordinators' review.
# Replace the team below with your own, then enable "Require review from Code Owners".
${prefix}goals.yaml @your-org/coordinators
# the iops that checks every pull request, and the workflows that run it
${prefix}${PIN_DIR}/ @your-org/coordinators
/.github/workflows/ @your-org/coordinators
`;
}
