// Parsing on every core: files not in the parse cache are read, hashed, parsed and validated by
// worker threads, which hand back the validated data as JSON text (what the cache stores, and
// cheap to pass between threads). A file with any problem comes back as failed: the caller then
// loads the repository the plain way, so problems are reported exactly as without workers.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileData } from './fileData.js';
import type { FileRole } from '../core/layout.js';
import type { FileKind } from '../core/paths.js';
import { minorUnits } from '../core/money.js';
import { type LedgerSums, ledgerSumsOf } from '../core/receiptMonths.js';
import { fileHoldsInvisible, holdsInvisible } from '../core/text/invisibleValues.js';
import { fileHoldsPersonalData, linkHoldsPersonalData, personalDataInText } from '../core/privacy/personalData.js';
import { type ReceiptKeyed, duplicateKeys } from '../core/dues/duplicates.js';
import type { Receipt } from '../core/schema/dues.js';
import { gitBlobId } from './parseCache.js';
import { MAX_FILE_BYTES } from '../io/limits.js';

export interface ParseJob {
  path: string;
  role: FileRole;
  /** A working-tree file to read (its blob id is computed from what is read)… */
  abs?: string;
  /** …or the bytes of a git blob, with its id. */
  bytes?: Uint8Array;
  blob?: string;
}

export type ParseResult =
  /** `json`: the validated data as JSON text, ending with its FileFlags marks (not a dues ledger's). */
  | { path: string; blob: string; json: string; sums?: string }
  | { path: string; fail: string };

/**
 * What parseAll hands back: a ParseResult, or for a dues ledger parsed on a worker thread, its
 * data's JSON as UTF-8 bytes instead of text. Those are most of the bytes of a cold load (160 MB
 * at five years), which the main thread only writes to the parse cache: bytes are moved to it
 * (not copied, and kept outside its JavaScript heap, which its garbage collector would copy
 * and scan), and written as they are.
 */
export type ParsedFile = ParseResult | { path: string; blob: string; bytes: Uint8Array; sums: string };

/** A result as a worker sends it: a ledger's JSON text as bytes, to be moved (`transfer`). */
function toSend(r: ParseResult, transfer: ArrayBuffer[]): ParsedFile {
  if (!('json' in r) || r.sums === undefined) return r;
  const bytes = encoder.encode(r.json); // a buffer of its own (never a shared pool's): it can be moved
  transfer.push(bytes.buffer);
  return { path: r.path, blob: r.blob, bytes, sums: r.sums };
}

const encoder = new TextEncoder();

/** Jobs handed to a worker at a time: enough to amortise messaging, small enough to share the work. */
const CHUNK = 96;
/** Below this many jobs, starting workers (each loads the schemas) costs more than it saves. */
const MIN_JOBS_FOR_WORKERS = 400;

/** Data as JSON text, when JSON gives it back exactly (no undefined, NaN, infinities or -0). */
export function exactJson(data: unknown): string | undefined {
  return exact(data) ? JSON.stringify(data) : undefined;
}

function exact(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!exact(v[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return false;
      for (const k in v) if (!exact((v as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * A working-tree file's bytes, or undefined when it is larger than iops reads: its size from the
 * open file, not from a second lookup of its path (at five years, 155,000 lookups: a second of a
 * cold load); never waiting on a pipe put where a file was.
 */
function readWithin(abs: string): Buffer | undefined {
  const fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${abs} is not a regular file`);
    if (stat.size > MAX_FILE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    for (let n = 1; read < bytes.length && n > 0; read += n) n = readSync(fd, bytes, read, bytes.length - read, read);
    return read < bytes.length ? bytes.subarray(0, read) : bytes;
  } finally {
    closeSync(fd);
  }
}

export function parseJob(job: ParseJob): ParseResult {
  let bytes = job.bytes;
  if (!bytes) {
    try {
      bytes = readWithin(job.abs!);
    } catch (err) {
      return { path: job.path, fail: String(err) };
    }
    if (!bytes) return { path: job.path, fail: 'too big' };
  }
  if (bytes.length > MAX_FILE_BYTES) return { path: job.path, fail: 'too big' };
  const blob = job.blob ?? gitBlobId(bytes);
  const outcome = readFileData(job.path, job.role, bytes);
  if (outcome.problems.length || outcome.data === undefined) return { path: job.path, fail: 'problems' };
  const json = exactJson(outcome.data);
  if (json === undefined) return { path: job.path, fail: 'not exact as JSON' };
  if (job.role.kind !== 'dues') return { path: job.path, blob, json: json + flagMarks(job.role.kind, outcome.data, json) };
  return { path: job.path, blob, json, sums: JSON.stringify(ledgerSums(outcome.data as Receipt[], json)) };
}

/**
 * What validate warns about in a file (other than a dues ledger, whose sums carry the answer):
 * whether its values hold invisible text, whether they hold what looks like personal data, by
 * the tests validate's scan of the organisation makes (core/text/invisibleValues.ts,
 * core/privacy/personalData.ts). Found once, when the file is parsed, and kept in the parse
 * cache within the data's record, as white space after the JSON (which JSON.parse passes over,
 * and JSON.stringify never writes): a tab for invisible text, then a line feed for personal
 * data. So no other record is written or looked up for it, and a command that does not ask
 * (FileFlags) reads nothing more than the data.
 */
export interface FileFlags {
  invisibleText: boolean;
  personalData: boolean;
}

const INVISIBLE_MARK = '\t';
const PERSONAL_MARK = '\n';

/** The marks a data record's JSON text ends with (see FileFlags); `json`, the data's JSON text when the caller has it. */
export function flagMarks(kind: FileKind, data: unknown, json?: string): string {
  return (fileHoldsInvisible(kind, data) ? INVISIBLE_MARK : '') + (fileHoldsPersonalData(kind, data, json) ? PERSONAL_MARK : '');
}

/** Most files: one answer shared, not an object a file. */
const NEITHER: FileFlags = Object.freeze({ invisibleText: false, personalData: false });

/** The flags a data record's text carries: the marks at its end. */
export function flagsOf(text: string): FileFlags {
  const personalData = text.endsWith(PERSONAL_MARK);
  const invisibleText = text.endsWith(INVISIBLE_MARK, text.length - (personalData ? 1 : 0));
  return personalData || invisibleText ? { invisibleText, personalData } : NEITHER;
}

/**
 * The files validate reads again for its warnings, by their flags (other than dues ledgers),
 * with what linking adds from each file's path (a chapter's meetings share their answer). A file
 * without flags (none was read) is tested on its data.
 */
export function flaggedFiles(files: readonly { path: string; role: FileRole; data?: unknown; flags?: FileFlags }[]): { invisibleFiles: string[]; personalDataFiles: string[] } {
  const invisibleFiles: string[] = [];
  const personalDataFiles: string[] = [];
  const meetingLinks = new Map<string | undefined, boolean>();
  for (const f of files) {
    const kind = f.role.kind;
    if (kind === 'dues') continue;
    const flags = f.flags ?? { invisibleText: fileHoldsInvisible(kind, f.data), personalData: fileHoldsPersonalData(kind, f.data) };
    if (flags.invisibleText) invisibleFiles.push(f.path);
    let link = kind === 'meeting' ? meetingLinks.get(f.role.chapter) : undefined;
    if (link === undefined) link = linkHoldsPersonalData(f.role);
    if (kind === 'meeting') meetingLinks.set(f.role.chapter, link);
    if (flags.personalData || link) personalDataFiles.push(f.path);
  }
  return { invisibleFiles, personalDataFiles };
}

/** A ledger's receipts summed by month and currency, and who paid; `json`, their JSON text when the caller has it. */
export function ledgerSums(receipts: readonly Receipt[], json = JSON.stringify(receipts)): LedgerSums {
  const keyed = keyedReceipts(receipts, minorUnits());
  return {
    ...ledgerSumsOf(keyed),
    ...(holdsInvisible(receipts) ? { invisibleText: true as const } : {}),
    ...(personalDataInText(json).length ? { personalData: true as const } : {}),
    ...(repeats(keyed) ? { mayRepeat: true as const } : {}),
  };
}

/** Each receipt with its amount in minor units: one record a receipt for the sums and the keys of likely duplicates. */
const keyedReceipts = (receipts: readonly Receipt[], minorOf: (amount: number, currency: string) => number): ReceiptKeyed[] =>
  receipts.map((r) => ({ date: r.date, member: r.member, currency: r.currency, period: r.period, reference: r.reference, minor: minorOf(r.amount, r.currency) }));

/**
 * Whether validate must read the ledger's receipts to look for likely duplicates (LedgerSums.mayRepeat):
 * a receipt paying for another year's month, or one that collides with an earlier one under one of
 * the keys likelyDuplicates (core/dues/duplicates.ts) looks for; so the first collision answers.
 */
export const mayRepeat = (receipts: readonly Receipt[], minorOf: (amount: number, currency: string) => number): boolean => repeats(keyedReceipts(receipts, minorOf));

function repeats(receipts: readonly ReceiptKeyed[]): boolean {
  const seen = new Set<string>();
  for (const r of receipts) {
    if (r.period !== undefined && r.period.slice(0, 4) !== r.date.slice(0, 4)) return true;
    for (const [key] of duplicateKeys(r)) {
      if (seen.has(key)) return true;
      seen.add(key);
    }
  }
  return false;
}

/** Worker threads: one a core (at most 4), or IOPS_PARSE_THREADS (0 or 1: parse on the main thread). */
function threadCount(): number {
  const given = Number(process.env.IOPS_PARSE_THREADS);
  return process.env.IOPS_PARSE_THREADS !== undefined && Number.isInteger(given) && given >= 0 ? given : Math.min(availableParallelism(), 4);
}

/** Parses every job, on worker threads when there are enough and the compiled code is running. */
export async function parseAll(jobs: readonly ParseJob[], onResult: (r: ParsedFile) => void): Promise<void> {
  const threads = threadCount();
  const compiled = import.meta.url.endsWith('.js');
  if (jobs.length < MIN_JOBS_FOR_WORKERS || threads < 1 || !compiled) {
    for (const job of jobs) onResult(parseJob(job));
    return;
  }
  // a smaller young generation than V8's default keeps each worker's memory down at little cost in time
  const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { iopsParseWorker: true }, resourceLimits: { maxYoungGenerationSizeMb: 16 } }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              if (next < jobs.length) {
                worker.postMessage(jobs.slice(next, (next += CHUNK)));
                inFlight++;
              } else if (!inFlight) resolve();
            };
            worker.on('message', (results: ParsedFile[]) => {
              inFlight--;
              for (const r of results) onResult(r);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parse worker exited with ${code}`))));
            // a second chunk waiting, so a worker goes on while this thread takes in what it sent
            send();
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (!isMainThread && (workerData as { iopsParseWorker?: boolean } | null)?.iopsParseWorker) {
  parentPort!.on('message', (chunk: ParseJob[]) => {
    const transfer: ArrayBuffer[] = [];
    const results = chunk.map((job) => toSend(parseJob(job), transfer));
    parentPort!.postMessage(results, transfer);
  });
}
