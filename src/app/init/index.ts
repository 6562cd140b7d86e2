// iops init: a new data repository — git init when needed, the default settings and goals,
// the organisation's README, the CI workflows and the pinned iops they run, and a CODEOWNERS
// suggestion — committed as one commit.
// With the sample, the sample organisation is replayed as a dated history (see sampleHistory.ts).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { jsonSchemaFiles } from '../../core/schema/jsonSchema.js';
import { SCHEMA_DIR } from '../../core/paths.js';
import { EnvironmentError, UsageError } from '../../errors.js';
import { gitDirectoryKind, isInsideWorkTree } from '../../io/git.js';
import { gitOk } from '../../io/gitRunner.js';
import { replaySample } from './sampleHistory.js';
import { PIN_DIR, pinFiles } from './pin.js';
import { type InitSettings, codeowners, gitattributes, initGoalsYaml, iopsYaml, readme } from './templates.js';
import { checkWorkflow, commentWorkflow } from './workflow.js';


export interface InitOptions extends InitSettings {
  sample: boolean;
}

export interface InitResult {
  root: string;
  commits: number;
  files: number;
  /** Set when the pin could not be completed here: what the user must still do. */
  pinNote?: string;
}

export async function requireIdentity(dir: string): Promise<void> {
  try {
    await gitOk(dir, ['var', 'GIT_AUTHOR_IDENT']);
  } catch {
    throw new EnvironmentError(
      'git does not know who you are, and every change is committed in your name. Set it with:\n' +
        '  git config --global user.name "Your pseudonym"\n  git config --global user.email "you@example.org"',
    );
  }
}

/** Writes files (relative to base) and commits exactly those paths. */
export async function commitFiles(base: string, files: ReadonlyMap<string, string | Uint8Array>, message: string, date?: string): Promise<void> {
  for (const [path, content] of files) {
    const abs = join(base, path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  const paths = [...files.keys()];
  const opts = date ? { env: { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } } : {};
  for (let i = 0; i < paths.length; i += 500) await gitOk(base, ['add', '--', ...paths.slice(i, i + 500)], undefined, opts);
  await gitOk(base, ['commit', '-q', '-F', '-', '--', ...paths], message, opts);
}

/** Refuses a folder inside a bare repository or a .git folder, before anything is written. */
async function refuseGitDirectory(root: string, dirArg: string): Promise<void> {
  let existing = root;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const kind = root.split(sep).includes('.git') ? '.git folder' : await gitDirectoryKind(existing);
  if (kind)
    throw new UsageError(
      `${dirArg} is inside a ${kind}, which holds git's own records and has no working files; nothing was written. ` +
        'Run iops init in a working copy instead: clone it first (git clone REPOSITORY org && iops init org), or choose a new folder.',
    );
}

export async function initRepository(cwd: string, dirArg: string, opts: InitOptions): Promise<InitResult> {
  const root = resolve(cwd, dirArg);
  await refuseGitDirectory(root, dirArg);
  if (existsSync(join(root, 'iops.yaml'))) throw new UsageError(`${dirArg} already holds a data repository (it has an iops.yaml); nothing was changed`);
  await mkdir(root, { recursive: true });
  if (!(await isInsideWorkTree(root))) {
    await gitOk(root, ['init', '-q']);
    // the branch is main whatever git's own default (master before git 2.28, or init.defaultBranch)
    await gitOk(root, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  }
  await requireIdentity(root);
  const top = (await gitOk(root, ['rev-parse', '--show-toplevel'])).trim();
  const dataDir = relative(top, root).split(sep).join('/');

  const files = new Map<string, string | Uint8Array>([
    ['iops.yaml', iopsYaml(opts)],
    ['goals.yaml', initGoalsYaml(opts)],
    ['README.md', readme(opts)],
    ['.gitattributes', gitattributes],
    ['chapters/.gitkeep', ''],
    ['branches/.gitkeep', ''],
  ]);
  for (const [name, text] of jsonSchemaFiles()) files.set(`${SCHEMA_DIR}/${name}`, text);
  // the iops that CI runs: this one, packed, with a lockfile (pin.ts)
  const pin = pinFiles();
  for (const [name, content] of pin) files.set(`${PIN_DIR}/${name}`, content);
  const pinNote = pin.has('package-lock.json')
    ? undefined
    : `This iops was installed without its package-lock.json, so ${PIN_DIR}/package-lock.json is missing and CI cannot install iops yet: run npm install --ignore-scripts in ${PIN_DIR} and commit the lockfile it writes.`;
  const outside = new Map<string, string>();
  if (!existsSync(join(top, '.github/workflows/iops.yml'))) outside.set('.github/workflows/iops.yml', checkWorkflow(dataDir));
  if (!existsSync(join(top, '.github/workflows/iops-comment.yml'))) outside.set('.github/workflows/iops-comment.yml', commentWorkflow());
  if (!existsSync(join(top, '.github/CODEOWNERS'))) outside.set('.github/CODEOWNERS', codeowners(dataDir));
  for (const [path, text] of outside) files.set(relative(root, join(top, path)).split(sep).join('/'), text);

  if (!opts.sample) {
    await commitFiles(root, files, `Create the data repository for ${opts.organization}\n\nIops-Command: init`);
    return { root, commits: 1, files: files.size, ...(pinNote ? { pinNote } : {}) };
  }
  files.delete('iops.yaml');
  files.delete('goals.yaml');
  const commits = await replaySample(root, files);
  return { root, commits, files: files.size, ...(pinNote ? { pinNote } : {}) };
}
