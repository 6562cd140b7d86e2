// The GitHub Actions workflows `iops init` writes into a data repository:
//   iops.yml          on a pull request, validates the data and computes the comment (what the
//                     change does to every goal) with a read-only token; on the default branch,
//                     builds and publishes the dashboard.
//   iops-comment.yml  when iops.yml has finished for a pull request, posts that comment.
// They are two workflows because a pull request from a fork only ever gets a read-only token:
// the job that runs on the pull request's files cannot comment, and the job that can comment
// (workflow_run, in the base repository) must never run the pull request's files. It reads
// the comment as untrusted text. docs/pull-requests.md explains the design.
import { PIN_DIR } from './pin.js';

/**
 * Third-party actions by full commit, the tag they were published as beside it. These SHAs are
 * the ones many public repositories pin for these tags; check them against GitHub (or let
 * Dependabot update them) before relying on them.
 */
export const ACTIONS = {
  checkout: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
  setupNode: 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0',
  uploadArtifact: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2',
  uploadPagesArtifact: 'actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1',
  deployPages: 'actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5',
} as const;

/** The first line of the comment: how the poster finds its previous comment to edit it. */
export const COMMENT_MARKER = '<!-- iops-pull-request-check -->';
/** GitHub refuses comments over 65,536 characters; the poster cuts the body well before. */
export const COMMENT_LIMIT_BYTES = 60000;
export const COMMENT_ARTIFACT = 'iops-comment';

/** Indents a script under `run: |` at `depth` spaces. */
const block = (script: string, depth: number) =>
  script
    .trimEnd()
    .split('\n')
    .map((line) => (line ? ' '.repeat(depth) + line : ''))
    .join('\n');

/**
 * Installs the iops pinned in `.iops/ci` as it is at commit $PIN_FROM, outside the work tree,
 * and puts it on the PATH. The check passes the pull request's base, so a pull request cannot
 * change the iops that judges it; a pull request that upgrades iops is checked by the old one.
 */
export const installScript = `pin="$RUNNER_TEMP/iops-pin"
mkdir -p "$pin"
git archive --format=tar "$PIN_FROM:$IOPS_DATA/${PIN_DIR}" | tar -x -C "$pin"
# exactly the tarball and dependencies package-lock.json records, each checked against its
# sha512; no package's install script runs (iops needs none)
npm ci --ignore-scripts --no-audit --no-fund --prefix "$pin"
echo "$pin/node_modules/.bin" >> "$GITHUB_PATH"
`;

/** Writes the comment and the pull request's number into $RUNNER_TEMP/iops-comment. */
export const commentScript = `out="$RUNNER_TEMP/${COMMENT_ARTIFACT}"
mkdir -p "$out"
printf '%s\\n' "$PR_NUMBER" > "$out/pr-number"
{
  printf '%s\\n' '${COMMENT_MARKER}'
  if iops diff "$BASE_SHA" --format markdown > "$out/diff.md"; then
    cat "$out/diff.md"
  else
    printf '%s\\n' '**iops could not compare this pull request with its base.** The log of the *iops* check says why; its *Validate* step lists every problem in the data.'
  fi
} > "$out/comment.md"
rm -f "$out/diff.md"
`;

/**
 * Posts $RUNNER_TEMP/iops-comment/comment.md on pull request pr-number, or edits the comment it
 * posted before. Both files come from a job that ran the pull request's workflow file, so
 * neither is trusted: the number must be digits and name the pull request whose head commit
 * was checked; the body must start with the marker, is cut to size, and reaches GitHub inside
 * a JSON document built by jq, never through the shell or an expression.
 */
export const postScript = `dir="$RUNNER_TEMP/${COMMENT_ARTIFACT}"
pr=$(head -c 16 "$dir/pr-number" 2>/dev/null || true)
pr=\${pr%$'\\n'}
if ! [[ $pr =~ ^[0-9]{1,10}$ ]]; then
  echo "The artifact's pull request number is not a number; nothing was posted." >&2
  exit 1
fi
pr_head=$(gh api "repos/$GITHUB_REPOSITORY/pulls/$pr" --jq .head.sha)
if [ "$pr_head" != "$HEAD_SHA" ]; then
  echo "Pull request #$pr is no longer at the commit that was checked; nothing was posted." >&2
  exit 0
fi
if [ "$(head -n 1 "$dir/comment.md")" != '${COMMENT_MARKER}' ]; then
  echo "The artifact's comment does not start with the iops marker; nothing was posted." >&2
  exit 1
fi
body="$RUNNER_TEMP/iops-comment-body.md"
head -c ${COMMENT_LIMIT_BYTES} "$dir/comment.md" > "$body"
if [ "$(wc -c < "$dir/comment.md")" -gt ${COMMENT_LIMIT_BYTES} ]; then
  printf '\\n\\n%s\\n' '*This comment was cut short: the log of the iops check has all of it.*' >> "$body"
fi
jq --raw-input --slurp '{body: .}' "$body" > "$RUNNER_TEMP/iops-comment.json"
mine=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \\
  --jq '.[] | select(.user.login == "github-actions[bot]" and (.body | startswith("${COMMENT_MARKER}"))) | .id')
mine=\${mine%%$'\\n'*}
if [ -n "$mine" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$mine" --input "$RUNNER_TEMP/iops-comment.json" > /dev/null
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --input "$RUNNER_TEMP/iops-comment.json" > /dev/null
fi
`;

const yamlQuoted = (s: string) => JSON.stringify(s);

export function checkWorkflow(dataDir: string): string {
  const data = dataDir === '' ? '.' : dataDir;
  const inData = (path: string) => (dataDir === '' ? path : `${dataDir}/${path}`);
  return `# Checks every pull request with iops, and publishes the dashboard from the default branch.
#
# On a pull request (forks included) this runs with a read-only token: it installs the iops
# pinned in ${inData(PIN_DIR)} at the pull request's base, validates the data, and computes a
# comment saying what the change does to every goal. The "iops comment" workflow
# (iops-comment.yml) posts that comment afterwards. On the default branch it builds the
# dashboard (every goal, TARGET against CURRENT) and publishes it with GitHub Pages: in the
# repository's Settings → Pages, set "Source" to "GitHub Actions" once.
# ${inData('README.md')} says how to upgrade the pinned iops, and docs/pull-requests.md in iops
# explains this design.
name: iops
on:
  pull_request:
  push:
  workflow_dispatch:
permissions: {}
env:
  IOPS_DATA: ${yamlQuoted(data)}
jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${ACTIONS.checkout}
        with:
          fetch-depth: 0
          persist-credentials: false
      - uses: ${ACTIONS.setupNode}
        with:
          node-version: 20
      - name: Install the iops pinned on the base branch
        id: install-iops
        env:
          PIN_FROM: \${{ github.event.pull_request.base.sha }}
        run: |
${block(installScript, 10)}
      - name: Validate
        run: iops validate
      - name: No small group can be worked out from what iops publishes
        run: iops privacy check
      - name: What this pull request does to the goals
        if: \${{ !cancelled() }}
        env:
          BASE_SHA: \${{ github.event.pull_request.base.sha }}
          PR_NUMBER: \${{ github.event.pull_request.number }}
        run: |
${block(commentScript, 10)}
      - name: Keep the comment for the iops comment workflow
        if: \${{ !cancelled() }}
        uses: ${ACTIONS.uploadArtifact}
        with:
          name: ${COMMENT_ARTIFACT}
          path: \${{ runner.temp }}/${COMMENT_ARTIFACT}/
          if-no-files-found: error
          retention-days: 3
  dashboard:
    # the default branch only, whatever it is called
    if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${ACTIONS.checkout}
        with:
          persist-credentials: false
      - uses: ${ACTIONS.setupNode}
        with:
          node-version: 20
      - name: Install the pinned iops
        id: install-iops
        env:
          PIN_FROM: \${{ github.sha }}
        run: |
${block(installScript, 10)}
      - name: Build the dashboard
        run: iops dashboard --out "$RUNNER_TEMP/iops-dashboard" --format json
      - uses: ${ACTIONS.uploadPagesArtifact}
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
        uses: ${ACTIONS.deployPages}
`;
}

export function commentWorkflow(): string {
  return `# Posts the comment the iops check computed for a pull request, or updates the one it posted
# before. It runs in this repository, after the "iops" workflow, with a token that may write
# pull-request comments, so it never checks out or runs anything from the pull request: it
# downloads the comment as text, checks it, and posts it. GitHub runs this file as it is on
# the default branch, whatever a pull request changes in it.
name: iops comment
on:
  workflow_run:
    workflows: [iops]
    types: [completed]
permissions: {}
jobs:
  comment:
    if: github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion != 'cancelled' && github.event.workflow_run.conclusion != 'skipped'
    runs-on: ubuntu-latest
    permissions:
      actions: read
      pull-requests: write
    steps:
      - name: Download the comment
        id: download
        env:
          GH_TOKEN: \${{ github.token }}
          RUN_ID: \${{ github.event.workflow_run.id }}
        run: gh run download "$RUN_ID" --repo "$GITHUB_REPOSITORY" --name ${COMMENT_ARTIFACT} --dir "$RUNNER_TEMP/${COMMENT_ARTIFACT}"
      - name: Post or update the comment
        id: post
        env:
          GH_TOKEN: \${{ github.token }}
          HEAD_SHA: \${{ github.event.workflow_run.head_sha }}
        run: |
${block(postScript, 10)}
`;
}
