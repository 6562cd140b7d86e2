// The files `iops init` writes besides the data: settings, a README for the organisation,
// line-ending rules, a CI workflow for pull requests, and a CODEOWNERS suggestion.
import { paths, schemaComment } from '../../core/paths.js';

export interface InitSettings {
  organization: string;
  currency: string;
}

const yamlString = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} ,.'()&-]*$/u.test(s) && !/^(y|n|yes|no|true|false|on|off|null)$/i.test(s) ? s : JSON.stringify(s));

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
[iops](https://www.npmjs.com/package/iops). Every change is a commit, so the history is the audit trail.

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

**Privacy.** Never put names, e-mail addresses, phone numbers or street addresses in these
files: members are pseudonymous ids. Anything committed stays in the git history even after
it is deleted from the files.
`;
}

export const gitattributes = '*.yaml text eol=lf\n*.md text eol=lf\n';

export function workflow(dataDir: string): string {
  const data = dataDir === '' ? '.' : dataDir;
  return `# Checks every pull request with iops: the data must validate, and the comment shows
# what the change does to every goal. On the default branch, builds the dashboard (every goal,
# TARGET against CURRENT) and publishes it with GitHub Pages: in the repository's Settings →
# Pages, set "Source" to "GitHub Actions" once.
name: iops
on:
  pull_request:
  push:
  workflow_dispatch:
jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Validate
        run: npx --yes iops --data ${data} validate
      - name: What this change does to the goals
        run: npx --yes iops --data ${data} diff origin/\${{ github.base_ref }} --format markdown > iops-diff.md
      - name: Comment on the pull request
        env:
          GH_TOKEN: \${{ github.token }}
        run: gh pr comment \${{ github.event.pull_request.number }} --body-file iops-diff.md --edit-last || gh pr comment \${{ github.event.pull_request.number }} --body-file iops-diff.md
  dashboard:
    # the default branch only, whatever it is called
    if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Build the dashboard
        run: npx --yes iops --data ${data} dashboard --out \${{ runner.temp }}/iops-dashboard --format json
      - uses: actions/upload-pages-artifact@v3
        with:
          path: \${{ runner.temp }}/iops-dashboard
  publish:
    needs: dashboard
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    concurrency:
      group: pages
      cancel-in-progress: false
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

export function codeowners(dataDir: string): string {
  const prefix = dataDir === '' ? '/' : `/${dataDir}/`;
  return `# Suggested: goal definitions change only with the coordinators' review.
# Replace the team below with your own, then enable "Require review from Code Owners".
${prefix}goals.yaml @your-org/coordinators
`;
}
