// Where each kind of file lives in a data repository, and what kind a path is.
// Pure: works on POSIX-style relative paths, never touches the file system.

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type FileKind = 'iops' | 'goals' | 'branch' | 'chapter' | 'members' | 'meeting' | 'report' | 'dues' | 'decision' | 'accounts' | 'treasury';

export const FILE_KINDS: readonly FileKind[] = ['iops', 'goals', 'branch', 'chapter', 'members', 'meeting', 'report', 'dues', 'decision', 'accounts', 'treasury'];

/** Folder (inside the data repository) where iops keeps the JSON Schemas editors use. */
export const SCHEMA_DIR = '.iops/schemas';

export function schemaFileName(kind: FileKind): string {
  return `${kind}.schema.json`;
}

/** The first line of every YAML file iops writes: lets editors validate while people type. */
export function schemaComment(relPath: string, kind: FileKind): string {
  const depth = relPath.split('/').length - 1;
  const up = '../'.repeat(depth);
  return `# yaml-language-server: $schema=${up}${SCHEMA_DIR}/${schemaFileName(kind)}`;
}

export const paths = {
  iops: () => 'iops.yaml',
  goals: () => 'goals.yaml',
  branch: (id: string) => `branches/${id}.yaml`,
  chapter: (id: string) => `chapters/${id}/chapter.yaml`,
  members: (chapter: string) => `chapters/${chapter}/members.yaml`,
  meeting: (chapter: string, date: string, slug?: string) =>
    `chapters/${chapter}/meetings/${date}${slug ? `-${slug}` : ''}.yaml`,
  report: (chapter: string, date: string, slug?: string) =>
    `chapters/${chapter}/reports/${date}${slug ? `-${slug}` : ''}.md`,
  dues: (chapter: string, year: number | string) => `chapters/${chapter}/dues/${year}.yaml`,
  /** An organisation's or branch's decision (decisions/<id>.yaml), or a chapter's (id `<chapter>/<name>`: chapters/<chapter>/decisions/<name>.yaml). */
  decision: (id: string) => {
    const [chapter, name] = id.includes('/') ? id.split('/') : [undefined, id];
    return chapter ? `chapters/${chapter}/decisions/${name}.yaml` : `decisions/${name}.yaml`;
  },
  accounts: () => 'treasury/accounts.yaml',
  treasury: (year: number | string) => `treasury/${year}.yaml`,
};

/** The chapter whose folder holds this path (`chapters/<id>/…`), if any. */
export function chapterFolderOf(path: string): string | undefined {
  if (!path.startsWith('chapters/')) return undefined;
  const end = path.indexOf('/', 9);
  return end < 0 ? undefined : path.slice(9, end);
}
