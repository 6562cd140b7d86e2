// Where `iops dashboard --out DIR` may write. The page is generated, so it must never land
// among the data files or in the folders git and iops keep for themselves, and it must never
// replace a page somebody wrote by hand. Pure: the command resolves the paths and reads what
// is already there. See docs/dashboard.md.

/** Marks the files iops writes, so a later build may replace them and nothing else. */
export const GENERATOR = 'iops';

export const DASHBOARD_FILES = { html: 'index.html', json: 'dashboard.json' } as const;

const DATA_FOLDERS = new Set(['chapters', 'branches']);

/**
 * Why the output folder is refused, or undefined when it is fine.
 * @param inside the folder relative to the data root, POSIX-style ('' is the root itself);
 *   null when the folder is outside the data root.
 * @param absolute the folder's full path, POSIX-style: no .git folder anywhere, in or out.
 */
export function refuseOutput(inside: string | null, shown: string, absolute = ''): string | undefined {
  const advice = 'write it to a folder of its own, such as site/ (and add that folder to .gitignore), or to a folder outside the repository';
  if (absolute.split('/').includes('.git')) return `--out ${shown} is inside a .git folder, which git keeps for itself; ${advice}`;
  if (inside === null) return undefined;
  if (inside === '') return `--out ${shown} is the data repository itself: the page would sit among the data files; ${advice}`;
  const parts = inside.split('/');
  if (DATA_FOLDERS.has(parts[0]!)) return `--out ${shown} is inside the data's ${parts[0]}/ folder, where iops reads every file as data; ${advice}`;
  const dot = parts.find((p) => p.startsWith('.'));
  if (dot) return `--out ${shown} is inside ${dot}/, a folder git or iops keeps for itself; ${advice}`;
  return undefined;
}

/** Whether an existing file is one a previous `iops dashboard` wrote (and may be replaced). */
export function writtenByIops(name: string, text: string): boolean {
  if (name === DASHBOARD_FILES.json) {
    try {
      return (JSON.parse(text) as { generator?: unknown }).generator === GENERATOR;
    } catch {
      return false;
    }
  }
  return text.includes(`<meta name="generator" content="${GENERATOR}">`);
}
