// Loading through the parse cache: list the files with their git blob ids (without reading
// them), take each unchanged file's validated data from the cache, read and parse the rest on
// worker threads, then link and check as the plain loader does. Any file with a problem, and
// anything unusual about the folder, makes this give up (undefined): the caller then loads the
// plain way, so problems are always found and reported by the one pipeline in load.ts, and the
// cache can only change how fast a result comes, never the result.
//
// A successful load of the whole repository leaves a certificate in the cache: this exact set
// of files (paths and blob ids) passed every check. With the scope LEDGERS_AS_SUMS each dues
// ledger comes as its sums (core/receiptMonths.ts), checked as sums (core/checks/ledgerSums.ts)
// unless a certificate vouches for the files, and its receipts are read only if asked for:
// the organisation's receipt source (org.receipts, core/model.ts ReceiptSource) is then
// LedgerReceipts below, which reads a chapter's ledgers from the cache, else the file, else
// git (at a commit) when core code calls `of(chapter)`, and keeps only the last chapter's. The
// chapters themselves hold none of those receipts (receiptsLoaded: false).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type FileRole, classify } from '../core/layout.js';
import { EnvironmentError } from '../errors.js';
import type { ChapterRecord, ReceiptRecord, ReceiptSource } from '../core/model.js';
import { ledgerSumsPass } from '../core/checks/ledgerSums.js';
import type { LedgerSums } from '../core/receiptMonths.js';
import { holdsInvisible } from '../core/text/invisibleValues.js';
import { personalDataInText } from '../core/privacy/personalData.js';
import { ParseCache, gitBlobId } from './parseCache.js';
import { type ListedFile, readBlobs } from '../io/gitListing.js';
import { gitSync } from '../io/gitRunner.js';
import { type FileFlags, type ParseJob, flaggedFiles, flagsOf, ledgerSums, mayRepeat, parseAll, parseJob } from './parseWorker.js';
import { toMinor } from '../core/money.js';
import type { Receipt } from '../core/schema/dues.js';
import { type DataListing, debug, filesOf, listData, resultsDisabled } from './listing.js';
import { RememberedProtections } from './protections.js';
import { type FileEntry, type LoadResult, type ValidFile, linkFiles, receiptRecords } from './load.js';
import type { Scope } from './scope.js';

export interface CachedLoadOptions {
  /** A resolved commit id: read the files as they were there. */
  commit?: string | undefined;
  /** What the command needs (load/scope.ts): part of the repository, ledgers as sums. */
  scope?: Scope | undefined;
  /** The files, already listed (listData). */
  listed?: DataListing | undefined;
  /**
   * With `commit`: files replaced or added by these bytes (the tree a write will commit is its
   * HEAD with the change applied).
   */
  changes?: ReadonlyMap<string, Uint8Array> | undefined;
  /** The files are known to pass every check (a part of a certified tree): link without checking. */
  checked?: boolean | undefined;
  /**
   * Check only what these files say (and what must be unique with them): the rest of the files
   * are known to pass (a part of a tree that passed every check, these files changed since).
   */
  focus?: ReadonlySet<string> | undefined;
}

export interface CachedLoad extends LoadResult {
  files: FileEntry[];
  /** For the working tree: HEAD and whether anything is uncommitted, learnt while listing. */
  commit: string | null;
  dirty: boolean;
  /** Every file read had the blob id it was listed with (none changed while iops was reading). */
  asListed: boolean;
  /** Dues ledgers with a value that displays differently from its bytes (validate's warnings). */
  invisibleLedgers: string[];
  /** Dues ledgers with a value that looks like personal data (validate's warnings). */
  personalDataLedgers: string[];
  /** Chapters with a ledger that may hold a receipt recorded twice (validate reads only their receipts). */
  mayRepeatChapters: string[];
  /** Every file as listed, in path order, with its blob id where git knew it (load/byChapter.ts keeps them). */
  listedFiles: ListedFile[];
  /** With the scope's `warnings`: the other files whose values hold invisible text, by their flags (parseWorker.ts FileFlags). */
  invisibleFiles?: string[];
  /** Likewise, the other files holding what looks like personal data. */
  personalDataFiles?: string[];
}

export const CROSS_FILE = 'cross-file problems';

interface Known {
  path: string;
  role: FileRole;
  blob?: string;
  data?: unknown;
  sums?: LedgerSums;
  /** Parsed in this run (its sums, for a ledger, are in the cache already). */
  parsed?: boolean;
  /** Read with its data when the scope asks for `warnings` (not a dues ledger's). */
  flags?: FileFlags;
}

export async function loadCached(root: string, opts: CachedLoadOptions = {}): Promise<CachedLoad | undefined> {
  const listed = opts.listed ?? (await listData(root, opts.commit));
  if (!listed) return undefined;
  const listing = await filesOf(root, listed);
  if (!listing) return undefined;
  const changes = opts.changes ?? new Map<string, Uint8Array>();
  if (changes.size) {
    if (listed.commit === undefined) throw new Error('internal: changes apply to a commit\'s files');
    const byPath = new Map(listing.files.map((f) => [f.path, f]));
    for (const [path, bytes] of changes) byPath.set(path, { path, blob: gitBlobId(bytes) });
    listing.files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  const cache = ParseCache.open(listed.place.gitDir);
  try {
    const loader = new Loader(root, cache, listed.commit !== undefined, changes);
    let result = await loader.load(listing.files, opts);
    // a part with cross-file problems may only lack the rest: load the whole (which certifies it for next time)
    if ('failed' in result && result.failed === CROSS_FILE && opts.scope?.wanted) result = await loader.load(listing.files, { ...opts, scope: { ...opts.scope, wanted: undefined, select: undefined } });
    if ('failed' in result) return void debug(`not used: ${result.failed}`);
    debug(`${loader.hits} hit${loader.hits === 1 ? '' : 's'}, ${loader.parsed} parsed${result.certified ? ', certified' : ''}`);
    if (result.loaded.org && !resultsDisabled(process.env)) result.loaded.org.protections = new RememberedProtections(listed.place.gitDir);
    return { ...result.loaded, commit: listing.commit, dirty: listing.dirty, asListed: !loader.drifted, listedFiles: listing.files };
  } finally {
    cache.flush();
  }
}

export class Loader {
  hits = 0;
  parsed = 0;
  /** A file read did not have the blob id it was listed with. */
  drifted = false;
  /** The scope asks for the files' flags (validate's warnings). */
  private withFlags = false;

  constructor(
    private readonly root: string,
    private readonly cache: ParseCache,
    private readonly fromCommit: boolean,
    /** Bytes that stand in for a file of the commit (or add one). */
    private readonly changes: ReadonlyMap<string, Uint8Array>,
  ) {}

  async load(listed: ListedFile[], opts: CachedLoadOptions) {
    const wanted = opts.scope?.wanted;
    const asSums = opts.scope?.sums === true;
    this.withFlags = opts.scope?.warnings === true;
    const files: FileEntry[] = [];
    const known: Known[] = [];
    for (const f of listed) {
      if (wanted && !wanted(f.path)) continue;
      files.push({ path: f.path });
      const c = classify(f.path);
      if ('ignore' in c) continue;
      if ('problem' in c) return { failed: `${f.path}: ${c.problem}` };
      known.push({ path: f.path, role: c.role, ...(f.blob ? { blob: f.blob } : {}) });
    }
    if (!files.some((f) => f.path === 'iops.yaml')) return { failed: 'no iops.yaml' };
    // ledgers as sums when asked for; a ledger cached before its sums were, as data
    const asSumsOf = (k: Known) => asSums && k.role.kind === 'dues';
    this.fromCache(known.filter((k) => k.blob), (k) => (asSumsOf(k) ? 'sums' : 'data'));
    this.fromCache(known.filter((k) => k.blob && asSumsOf(k) && !k.sums), () => 'data');
    const failed = await this.parse(known.filter((k) => k.data === undefined && k.sums === undefined), asSums);
    if (failed) return { failed };
    if (asSums) // ledgers cached before their sums were: add the sums
      for (const k of known) if (k.role.kind === 'dues' && k.sums === undefined && !k.parsed && k.blob) this.cache.put(k.blob, 'dues', JSON.stringify(ledgerSums(k.data as never)), 'sums');

    // a part of the repository is checked on its own (as core/report/scope.ts would have it); the whole, unless certified
    const certified = asSums && !wanted && this.cache.certified(manifestOf(known, true));
    const valid: ValidFile[] = known.map((k) => ({ path: k.path, role: k.role, data: k.data ?? [], ...(k.data === undefined && k.sums ? { sums: k.sums } : {}) }));
    const result = linkFiles(opts.scope?.select ? opts.scope.select(valid) : valid, new Map(), { checks: !certified && !opts.checked, partial: opts.scope?.wanted !== undefined, focus: opts.focus });
    if (result.problems.length || !result.org) return { failed: CROSS_FILE };
    // ledgers given as sums are checked as sums (what fails is then read and located the plain way)
    const sumsChecked = (k: Known) => k.data === undefined && (!opts.focus || opts.focus.has(k.path));
    if (!certified && !opts.checked && known.some((k) => sumsChecked(k) && !ledgerSumsPass(result.org!, k.role.chapter!, k.role.year!, k.sums!))) return { failed: CROSS_FILE };
    if (!certified && !wanted) this.cache.certify(manifestOf(known, true));
    const bySums = known.filter((k) => k.data === undefined);
    if (bySums.length) result.org.receipts = new LedgerReceipts(bySums, { root: this.root, cache: this.cache, fromCommit: this.fromCommit, job: (k) => this.job(k) });
    const invisibleLedgers = known.filter((k) => k.role.kind === 'dues' && (k.sums ? k.sums.invisibleText === true : holdsInvisible(k.data))).map((k) => k.path);
    const personalDataLedgers = known.filter((k) => k.role.kind === 'dues' && (k.sums ? k.sums.personalData === true : personalDataInText(JSON.stringify(k.data)).length > 0)).map((k) => k.path);
    const minor = (amount: number, currency: string) => toMinor(amount, currency)!;
    const mayRepeatChapters = [...new Set(known.filter((k) => k.role.kind === 'dues' && (k.sums ? k.sums.mayRepeat === true : mayRepeat(k.data as Receipt[], minor))).map((k) => k.role.chapter!))];
    const flagged: { invisibleFiles?: string[]; personalDataFiles?: string[] } = this.withFlags ? flaggedFiles(known) : {};
    return { loaded: { ...result, files, invisibleLedgers, personalDataLedgers, mayRepeatChapters, ...flagged }, certified, valid };
  }

  /** The cached records of these files (each file's blob known), as `sums` or `data`. */
  private fromCache(files: Known[], variant: (k: Known) => 'data' | 'sums'): void {
    this.cache.eachText(
      files.map((k) => ({ blob: k.blob!, kind: k.role.kind, variant: variant(k) })),
      (i, text) => {
        const k = files[i]!;
        this.hits++;
        if (variant(k) === 'sums') k.sums = JSON.parse(text) as LedgerSums;
        else k.data = JSON.parse(text);
        if (this.withFlags && k.role.kind !== 'dues') k.flags = flagsOf(text);
      },
    );
  }

  /** Parses the files the cache did not have; the first failure, if any. With `asSums`, ledgers are kept as their sums. */
  private async parse(todo: Known[], asSums = false): Promise<string | undefined> {
    if (!todo.length) return undefined;
    const jobs: ParseJob[] = todo.map((k) => this.job(k));
    if (this.fromCommit) {
      const fromGit = jobs.filter((j) => !j.bytes);
      const blobs = await readBlobs(this.root, fromGit.map((j) => j.blob!));
      fromGit.forEach((j, i) => (j.bytes = blobs[i]));
    }
    const byPath = new Map(todo.map((k) => [k.path, k]));
    let failed: string | undefined;
    this.parsed += jobs.length;
    if (process.env.IOPS_DEBUG_CACHE === 'files') debug(`parsed: ${todo.map((k) => k.path).join(', ')}`);
    await parseAll(jobs, (r) => {
      if ('fail' in r) return void (failed ??= `${r.path}: ${r.fail}`);
      const k = byPath.get(r.path)!;
      if (k.blob !== undefined && k.blob !== r.blob) this.drifted = true;
      k.blob = r.blob;
      k.parsed = true;
      const record = 'json' in r ? r.json : r.bytes;
      if (asSums && r.sums !== undefined) k.sums = JSON.parse(r.sums) as LedgerSums;
      else k.data = JSON.parse('json' in r ? r.json : Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength).toString('utf8'));
      if (this.withFlags && 'json' in r && k.role.kind !== 'dues') k.flags = flagsOf(r.json);
      this.cache.put(r.blob, k.role.kind, record, 'data', k.role.kind === 'dues');
      if (r.sums !== undefined) this.cache.put(r.blob, 'dues', r.sums, 'sums');
    });
    return failed;
  }

  /** A working-tree file is read (and keyed by what is read, not by the index); a commit's, fetched as a blob. */
  private job(k: Known): ParseJob {
    const changed = this.changes.get(k.path);
    if (changed) return { path: k.path, role: k.role, blob: k.blob!, bytes: changed };
    return this.fromCommit ? { path: k.path, role: k.role, blob: k.blob! } : { path: k.path, role: k.role, abs: join(this.root, k.path) };
  }
}

/**
 * The receipts of an organisation whose dues ledgers came as sums: a chapter's are read when
 * asked for, and the last chapter's read are kept, so a command that goes through every
 * chapter's receipts (dues) holds one chapter's at a time, and a chapter asked for again reads
 * them again. A chapter with no ledger given as sums answers with the receipts it holds.
 */
class LedgerReceipts implements ReceiptSource {
  private readonly byChapter = new Map<string, Known[]>();
  /** The receipts last read, and whose. */
  private last: { chapter: string; receipts: ReceiptRecord[] } | undefined;

  constructor(
    ledgers: readonly Known[],
    /** Where the load read its files (Loader's). */
    private readonly from: { root: string; cache: ParseCache; fromCommit: boolean; job(k: Known): ParseJob },
  ) {
    for (const k of ledgers) (this.byChapter.get(k.role.chapter!) ?? this.byChapter.set(k.role.chapter!, []).get(k.role.chapter!)!).push(k);
  }

  of(chapter: ChapterRecord): readonly ReceiptRecord[] {
    const own = this.byChapter.get(chapter.id);
    if (!own) return chapter.receipts;
    if (this.last?.chapter !== chapter.id) {
      // with those of its ledgers that came whole (the parse cache had them, not their sums)
      const receipts = [...chapter.receipts, ...own.flatMap((k) => receiptRecords(k.path, chapter.id, this.ledgerData(k)))].sort(byDate);
      this.last = { chapter: chapter.id, receipts };
    }
    return this.last.receipts;
  }

  /** A ledger given as sums, receipt by receipt: from the parse cache, else the file, else (at a commit) git. */
  private ledgerData(k: Known): unknown {
    const cached = this.from.cache.getText(k.blob!, 'dues', 'data');
    if (cached !== undefined) return JSON.parse(cached);
    const job = this.from.job(k);
    if (this.from.fromCommit && !job.bytes) job.bytes = gitSync(this.from.root, ['cat-file', 'blob', k.blob!]);
    const r = parseJob(job);
    if ('fail' in r || r.blob !== k.blob) throw new EnvironmentError(`${k.path} changed while iops was reading it; run the command again`);
    return JSON.parse(r.json);
  }
}

/**
 * The id of this exact set of files: every data file's path and blob id, in path order (a whole
 * repository's: all are known then). The key of the certificate that the set passed every check.
 */
export function manifestOf(files: readonly { path: string; blob?: string | undefined }[], allData = false): string {
  const hash = createHash('sha1');
  for (const f of files) if (allData || 'role' in classify(f.path)) hash.update(`${f.path}\0${f.blob}\n`);
  return hash.digest('hex');
}

/** As core/model.ts orders receipts: by date, then file (then, the sort being stable, as listed). */
const byDate = (a: ReceiptRecord, b: ReceiptRecord) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
