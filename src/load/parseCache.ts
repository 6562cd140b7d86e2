// The content-addressed parse cache: what a file held once parsed and validated, keyed by its
// git blob id (the SHA-1 of "blob <length>\0" and its bytes) and its kind, so a file that has
// not changed is never parsed twice, whichever path, branch or commit it is read from. It lives
// in the repository's git folder (iops-cache/), is never committed, and is safe to delete.
//
// Layout: iops-cache/<version>/index lists every record (key → pack, offset, length, CRC-32)
// and the packs hold the records, JSON text (a file's data record followed by its flags for
// validate's warnings, as white space: load/parseWorker.ts FileFlags). A run appends its records
// to new packs of its own, which the index names only once they are written; the index is
// written to a temporary name and renamed, so readers see an old or a new state, never half of
// one. Anything that
// does not check out (bad magic, CRC mismatch, a missing pack) is a miss: the file is parsed
// again. The version is derived from iops's own code, so an upgrade starts a fresh cache.
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { ENTRY_BYTES, type Entry, EntryIndex, KEY_BYTES } from './cacheIndex.js';

/** Bump when the layout or a record's meaning changes (3: a data record ends with its file's flags, parseWorker.ts FileFlags). */
const CACHE_FORMAT = 3;
const MAGIC = Buffer.from('IOPSIDX1');
/** Packs before the cache is compacted into one. */
const MAX_PACKS = 12;
/** New records not worth rewriting the index for: left for a later run to write with more. */
const FEW_RECORDS = 32;
const FEW_BYTES = 512 * 1024;
/** Records held in memory before they are written to a pack (the index is written at the end). */
const PENDING_BYTES = 32 * 1024 * 1024;

/** What a record holds: a file's validated data, or a ledger's monthly sums. */
export type RecordVariant = 'data' | 'sums';
const VARIANTS: RecordVariant[] = ['data', 'sums'];
/** Certificates kept (the newest): each names a whole set of files that passed every check. */
const MAX_CERTIFICATES = 64;

/** The git blob id of some bytes, as `git hash-object` computes it. */
export function gitBlobId(bytes: Uint8Array, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

interface Pending {
  key: string;
  /** The record: text, or its UTF-8 bytes as a parse worker sent them (outside the JavaScript heap). */
  text: string | Uint8Array;
  heavy: boolean;
}

/** A record's text from what was put. */
const textOfRecord = (record: string | Uint8Array): string => (typeof record === 'string' ? record : Buffer.from(record.buffer, record.byteOffset, record.byteLength).toString('utf8'));

/**
 * Every source file of iops (its compiled or TypeScript modules) and the versions that shape a
 * parse. `yaml` and `zod` are found the way Node finds them for iops's own imports, so the
 * version follows the packages iops really runs with, wherever npm put them (beside iops in a
 * project's node_modules, hoisted, or in a global prefix).
 */
let versionMemo: string | undefined;
export function cacheVersion(): string {
  if (versionMemo) return versionMemo;
  const hash = createHash('sha1').update(`${CACHE_FORMAT} ${process.version} ${process.versions.icu ?? ''}`);
  const srcRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(e.name)) hash.update(e.name).update(readFileSync(p));
    }
  };
  walk(srcRoot);
  const require = createRequire(import.meta.url);
  // `./package.json` is exported by both today; a package that stops exporting it is found from its main entry
  const manifestOf = (dep: string): string => {
    try {
      return require.resolve(`${dep}/package.json`);
    } catch {
      for (let dir = dirname(require.resolve(dep)); dir !== dirname(dir); dir = dirname(dir)) {
        const candidate = join(dir, 'package.json');
        if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === dep) return candidate;
      }
      throw new Error(`no package.json for ${dep}`);
    }
  };
  for (const dep of ['yaml', 'zod']) {
    try {
      hash.update(readFileSync(manifestOf(dep)));
    } catch {
      hash.update(`${dep}?`);
    }
  }
  return (versionMemo = `v${CACHE_FORMAT}-${hash.digest('hex').slice(0, 16)}`);
}

/** One character per kind of record in the index. */
const KIND_CODES: Record<string, string> = { iops: 'i', goals: 'g', branch: 'b', chapter: 'c', members: 'M', meeting: 'm', report: 'r', dues: 'd', decision: 'D', accounts: 'a', treasury: 't' };
const codeOf = (kind: string): string => {
  const code = KIND_CODES[kind];
  if (!code) throw new Error(`no cache code for ${kind}`);
  return code;
};
const keyOf = (blob: string, kind: string, variant: RecordVariant) => `${blob.slice(0, KEY_BYTES * 2)}:${codeOf(kind)}:${variant}`;
const CODES = new Set(Object.values(KIND_CODES));
const HEAVY = `:${KIND_CODES.dues}:data`;

export class ParseCache {
  private entries = EntryIndex.empty(VARIANTS);
  private packs: string[] = [];
  private readonly pending: Pending[] = [];
  private readonly pendingText = new Map<string, string | Uint8Array>();
  private pendingBytes = 0;
  private readonly fds = new Map<number, number>();
  private readonly whole = new Map<number, Buffer>();
  /** Entries dropped as damaged: the index is rewritten without them. */
  private damaged = false;
  /** Packs written since the index was: the index must be written. */
  private wrote = false;
  /** The cache could not be written (a read-only or full disk): stop trying. */
  private broken = false;
  /**
   * The packs this run appends its batches of records to, one for ordinary records and one for
   * heavy ones: a cold load at five years writes seven batches, and a pack a batch made fourteen
   * packs, which the same run then compacted (reading back and writing again 220 MB: 3.5 s of
   * processor time and 300 MB).
   */
  private readonly appending = new Map<boolean, { pack: number; path: string; size: number }>();

  private constructor(readonly dir: string) {}

  /** The cache in a git folder (one per process, shared by every load); a damaged index is an empty cache. */
  static open(gitDir: string): ParseCache {
    let cache = instances.get(gitDir);
    if (!cache) instances.set(gitDir, (cache = ParseCache.read(gitDir)));
    return cache;
  }

  private static read(gitDir: string): ParseCache {
    const base = join(gitDir, 'iops-cache');
    const cache = new ParseCache(join(base, cacheVersion()));
    try {
      cache.readIndex(readFileSync(join(cache.dir, 'index')));
    } catch {
      cache.entries = EntryIndex.empty(VARIANTS);
      cache.packs = [];
    }
    return cache;
  }

  private readIndex(buf: Buffer): void {
    if (buf.length < 20 || !buf.subarray(0, 8).equals(MAGIC)) throw new Error('not an index');
    const body = buf.subarray(0, buf.length - 4);
    if (crc32(body) !== buf.readUInt32LE(buf.length - 4)) throw new Error('index checksum');
    let p = 8;
    const count = buf.readUInt32LE(p);
    const packCount = buf.readUInt16LE(p + 4);
    p += 6;
    for (let i = 0; i < packCount; i++) {
      const len = buf[p]!;
      this.packs.push(buf.toString('latin1', p + 1, p + 1 + len));
      p += 1 + len;
    }
    if (buf.length - 4 !== p + count * ENTRY_BYTES) throw new Error('index length');
    for (let e = p; e < p + count * ENTRY_BYTES; e += ENTRY_BYTES) {
      if (!CODES.has(String.fromCharCode(buf[e + KEY_BYTES]!))) throw new Error('bad kind');
      if (!VARIANTS[buf[e + KEY_BYTES + 1]!]) throw new Error('bad variant');
    }
    this.entries = new EntryIndex(buf.subarray(p, p + count * ENTRY_BYTES), count, VARIANTS);
  }

  /** Whether this exact set of files (its manifest: load/cachedLoad.ts) passed every check. */
  certified(manifest: string): boolean {
    return existsSync(join(this.dir, 'certs', manifest));
  }

  /**
   * Records that a set of files passed every check: an empty file named by its manifest, so a
   * write that certifies the tree it commits touches neither the index nor the packs.
   */
  certify(manifest: string): void {
    if (this.broken) return;
    try {
      const dir = join(this.dir, 'certs');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, manifest), '');
      const names = readdirSync(dir);
      if (names.length <= MAX_CERTIFICATES) return;
      const byAge = names.map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs })).sort((a, b) => b.at - a.at);
      for (const old of byAge.slice(MAX_CERTIFICATES)) rmSync(join(dir, old.name), { force: true });
    } catch {
      // a read-only or full disk: the next run checks again
    }
  }

  has(blob: string, kind: string, variant: RecordVariant = 'data'): boolean {
    const key = keyOf(blob, kind, variant);
    return this.entries.has(key) || this.pendingText.has(key);
  }

  /**
   * Many records' texts, each key looked up once, each text given to `found` as it is read (a
   * miss is skipped), so that they need not all be held at once. A pack is read whole
   * when most of it is wanted (a full load), or when its records would each cost a read of
   * their own of more than 4 KB (a report's 2,600 records of a 2 MB pack: 15 ms one by one,
   * 1 ms whole); otherwise record by record.
   */
  eachText(keys: readonly { blob: string; kind: string; variant?: RecordVariant }[], found: (i: number, text: string) => void): void {
    if (!this.entries.size && !this.pendingText.size) return; // an empty cache (a cold load): no key to make
    const keyAt = (i: number) => keyOf(keys[i]!.blob, keys[i]!.kind, keys[i]!.variant ?? 'data');
    const fresh: (string | undefined)[] = [];
    const entries = keys.map((_, i) => {
      const key = keyAt(i);
      const record = this.pendingText.get(key);
      if (record !== undefined) fresh[i] = textOfRecord(record);
      return record === undefined ? this.entries.use(key) : undefined;
    });
    const wanted = new Map<number, { bytes: number; records: number }>();
    for (const e of entries) {
      if (!e || this.whole.has(e.pack)) continue;
      const w = wanted.get(e.pack) ?? { bytes: 0, records: 0 };
      w.bytes += e.length;
      w.records++;
      wanted.set(e.pack, w);
    }
    for (const [pack, { bytes, records }] of wanted) {
      try {
        const path = join(this.dir, this.packs[pack]!);
        const size = statSync(path).size;
        if (bytes * 2 >= size || records * 4096 >= size) this.whole.set(pack, readFileSync(path));
      } catch {
        // a pack gone missing: its records are misses
      }
    }
    entries.forEach((e, i) => {
      const text = fresh[i] ?? (e ? this.textOf(e, () => keyAt(i)) : undefined);
      if (text !== undefined) found(i, text);
    });
  }

  /** A record's text, or undefined (a miss, or a record that fails its checksum). */
  getText(blob: string, kind: string, variant: RecordVariant = 'data'): string | undefined {
    const key = keyOf(blob, kind, variant);
    const fresh = this.pendingText.get(key);
    if (fresh !== undefined) return textOfRecord(fresh);
    const e = this.entries.use(key);
    return e ? this.textOf(e, () => key) : undefined;
  }

  /** The record's text; a record that fails its checksum is dropped (its key made only then). */
  private textOf(e: Entry, key: () => string): string | undefined {
    const bytes = this.read(e);
    if (!bytes || crc32(bytes) !== e.crc) return this.drop(key());
    return bytes.toString('utf8');
  }

  get(blob: string, kind: string, variant: RecordVariant = 'data'): unknown {
    const text = this.getText(blob, kind, variant);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return this.drop(keyOf(blob, kind, variant));
    }
  }

  private drop(key: string): undefined {
    this.entries.delete(key);
    this.damaged = true;
    return undefined;
  }

  private read(e: Entry): Buffer | undefined {
    const whole = this.whole.get(e.pack);
    if (whole) return whole.length >= e.offset + e.length ? whole.subarray(e.offset, e.offset + e.length) : undefined;
    try {
      let fd = this.fds.get(e.pack);
      if (fd === undefined) this.fds.set(e.pack, (fd = openSync(join(this.dir, this.packs[e.pack]!), 'r')));
      const out = Buffer.allocUnsafe(e.length);
      return readSync(fd, out, 0, e.length, e.offset) === e.length ? out : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Adds a record (written by flush): its text, or the text's UTF-8 bytes. Heavy records (ledgers'
   * receipts) go to their own pack.
   */
  put(blob: string, kind: string, text: string | Uint8Array, variant: RecordVariant = 'data', heavy = false): void {
    const key = keyOf(blob, kind, variant);
    if (this.pendingText.has(key)) return;
    this.entries.markUsed(key);
    this.pending.push({ key, text, heavy });
    this.pendingText.set(key, text);
    this.pendingBytes += text.length;
    if (this.pendingBytes > PENDING_BYTES) {
      try {
        this.writePending();
      } catch {
        this.broken = true;
      }
    }
  }

  private writePending(): void {
    if (!this.pending.length || this.broken) return;
    mkdirSync(this.dir, { recursive: true });
    for (const heavy of [false, true]) {
      const records = this.pending.filter((r) => r.heavy === heavy);
      if (records.length) this.writePack(records, heavy);
    }
    this.pending.length = 0;
    this.pendingText.clear();
    this.pendingBytes = 0;
    this.wrote = true;
  }

  /** Writes what was added since opening, and lets go of whole packs read; never throws (a cache that cannot be written is only slower). */
  flush(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.whole.clear();
    if ((!this.pending.length && !this.damaged && !this.wrote) || this.broken) return;
    // a few files parsed beside many cached (the one just edited) are cheaper to parse again next
    // time than the index is to rewrite (11 MB at five years); they are written once more gather
    const few = this.pending.length <= FEW_RECORDS && this.pendingBytes <= FEW_BYTES && this.pending.length * 50 < this.entries.size;
    if (few && !this.damaged && !this.wrote) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      this.removeOtherVersions();
      this.writePending();
      if (this.packs.length > MAX_PACKS) this.compact();
      else this.writeIndex();
      this.appending.clear();
      this.damaged = false;
      this.wrote = false;
    } catch {
      // read-only git folder, full disk: carry on without a cache
      this.broken = true;
    }
  }

  /** Appends records to this run's pack for their weight (a new pack first, or when it would pass 4 GB, the offsets' limit). */
  private writePack(records: Pending[], heavy: boolean): void {
    const chunks = records.map((r) => (typeof r.text === 'string' ? Buffer.from(r.text, 'utf8') : Buffer.from(r.text.buffer, r.text.byteOffset, r.text.byteLength)));
    const bytes = chunks.reduce((n, c) => n + c.length, 0);
    if (bytes >= 2 ** 32) throw new Error('pack too large');
    let open = this.appending.get(heavy);
    if (!open || open.size + bytes >= 2 ** 32) {
      const name = `pack-${randomBytes(8).toString('hex')}`;
      open = { pack: this.packs.length, path: join(this.dir, name), size: 0 };
      writeFileSync(open.path, '', { flag: 'wx' });
      this.packs.push(name);
      this.appending.set(heavy, open);
    }
    try {
      appendFileSync(open.path, Buffer.concat(chunks));
    } catch (err) {
      // a full disk: give the room back (the cache is then not written at all this run)
      if (open.size) truncateSync(open.path, open.size);
      else rmSync(open.path, { force: true });
      throw err;
    }
    const pack = open.pack;
    let offset = open.size;
    records.forEach((r, i) => {
      const c = chunks[i]!;
      this.entries.set(r.key, { pack, offset, length: c.length, crc: crc32(c) });
      offset += c.length;
    });
    open.size = offset;
    this.whole.delete(pack); // a copy read whole before ends where this batch begins
  }

  /**
   * Rewrites records into fresh packs and drops the old packs: the records this run used, when
   * it used most of them (a whole load knows what is current); every record, when it used only a
   * part (a chapter's report or a write cannot tell another chapter's records from stale ones).
   */
  private compact(): void {
    const used = this.entries.usedKeys();
    const keep = used.length * 2 >= this.entries.size ? used : [...this.entries.entries()].map(([key]) => key);
    const records: Pending[] = [];
    for (const key of keep) {
      const e = this.entries.get(key)!;
      const bytes = this.read(e);
      if (bytes && crc32(bytes) === e.crc) records.push({ key, text: bytes.toString('utf8'), heavy: key.endsWith(HEAVY) });
    }
    const old = this.packs;
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.whole.clear();
    this.entries = EntryIndex.empty(VARIANTS);
    this.packs = [];
    this.appending.clear();
    for (const heavy of [false, true]) {
      const part = records.filter((r) => r.heavy === heavy);
      if (part.length) this.writePack(part, heavy);
    }
    this.writeIndex();
    for (const name of old) rmSync(join(this.dir, name), { force: true });
  }

  private writeIndex(): void {
    const live = new Set<number>();
    for (const [, e] of this.entries.entries()) live.add(e.pack);
    const packNames = this.packs.map((name, i) => (live.has(i) ? name : ''));
    const head = [MAGIC, Buffer.alloc(6)];
    head[1]!.writeUInt32LE(this.entries.size, 0);
    head[1]!.writeUInt16LE(packNames.length, 4);
    for (const name of packNames) head.push(Buffer.from([name.length]), Buffer.from(name, 'latin1'));
    const body = Buffer.alloc(this.entries.size * ENTRY_BYTES);
    let p = 0;
    for (const [key, e] of this.entries.entries()) {
      const [blob, kind, variant] = key.split(':') as [string, string, RecordVariant];
      body.write(blob.padEnd(KEY_BYTES * 2, '0'), p, KEY_BYTES, 'hex');
      body[p + KEY_BYTES] = kind.charCodeAt(0);
      body[p + KEY_BYTES + 1] = VARIANTS.indexOf(variant);
      body.writeUInt16LE(e.pack, p + KEY_BYTES + 2);
      body.writeUInt32LE(e.offset, p + KEY_BYTES + 4);
      body.writeUInt32LE(e.length, p + KEY_BYTES + 8);
      body.writeUInt32LE(e.crc, p + KEY_BYTES + 12);
      p += ENTRY_BYTES;
    }
    const all = Buffer.concat([...head, body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(crc32(all));
    atomicWrite(join(this.dir, 'index'), Buffer.concat([all, crc]));
  }

  private removeOtherVersions(): void {
    const base = dirname(this.dir);
    for (const name of readdirSync(base)) if (join(base, name) !== this.dir) rmSync(join(base, name), { recursive: true, force: true });
  }
}

const instances = new Map<string, ParseCache>();

function atomicWrite(path: string, bytes: Buffer): void {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw err;
  }
}
