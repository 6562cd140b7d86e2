// Listing the data folder's files with their git blob ids, without reading them
// (io/gitListing.ts): the first step of a load through the parse cache (cachedLoad.ts) and of
// recalling a remembered result (memo.ts). What git says is kept unparsed until a load needs
// the files one by one: recalling a result only hashes it.
import { type GitPlace, type IndexFiles, type Listing, type WorkTreeView, gitPlace, listCommit, listWorkTree, userExcludesFile, viewCommit, viewWorkTree } from '../io/gitListing.js';

/** `IOPS_CACHE=off` loads without the cache (to compare, or to rule it out). */
export const cacheDisabled = (env: Record<string, string | undefined>) => env.IOPS_CACHE === 'off' || env.IOPS_CACHE === '0';

/** `IOPS_CACHE=files` keeps the files' cache but neither recalls nor remembers results (memo.ts). */
export const resultsDisabled = (env: Record<string, string | undefined>) => cacheDisabled(env) || env.IOPS_CACHE === 'files';

export const debug = (s: string) => void (process.env.IOPS_DEBUG_CACHE && process.stderr.write(`iops cache: ${s}\n`));

/** The data folder as git sees it: the working tree, or the commit given. */
export interface DataListing {
  place: GitPlace;
  commit: string | undefined;
  /** git's own output: index and status for the working tree, the tree at a commit. */
  view: { workTree: WorkTreeView } | { tree: Buffer };
  /** Blob ids of files git does not vouch for, computed from what was read (memo.ts): the load checks them against what it reads. */
  hashed: Map<string, string>;
}

/**
 * With `early` (the working tree only), `early` is told where the git folder is and given git's
 * index as soon as git gives it, while git status still runs, to do meanwhile what it can with it
 * (load/keptList.ts compares it with the kept parts' list).
 */
export async function listData(
  root: string,
  commit?: string,
  early?: (place: GitPlace, index: Promise<Buffer | undefined>, indexed: () => Promise<IndexFiles>) => void,
): Promise<DataListing | undefined> {
  // git status waits for the user's excludes file (io/gitListing.ts): asked beside the git folder, not after it
  const excludesFile = commit === undefined ? userExcludesFile(root) : undefined;
  const place = await gitPlace(root);
  if (!place) return void debug('not used: not in a git work tree');
  try {
    const view = commit !== undefined ? { tree: await viewCommit(root, commit, place) } : { workTree: await viewWorkTree(root, place, early && ((index, indexed) => early(place, index, indexed)), excludesFile) };
    return { place, commit, view, hashed: new Map() };
  } catch (e) {
    return void debug(`not used: ${String(e)}`);
  }
}

/** The files one by one, with blob ids where known; undefined when anything is unusual (the caller then reads the folder the plain way). */
export async function filesOf(root: string, listed: DataListing): Promise<Exclude<Listing, { unsupported: string }> | undefined> {
  const listing = await ('tree' in listed.view ? listCommit(root, listed.commit!, listed.place, listed.view.tree) : listWorkTree(root, listed.place, listed.view.workTree)).catch(
    (e: unknown) => ({ unsupported: String(e) }),
  );
  if ('unsupported' in listing) return void debug(`not used: ${listing.unsupported}`);
  for (const f of listing.files) if (f.blob === undefined) f.blob = listed.hashed.get(f.path);
  return listing;
}
