// Remembered results: what a command computed from one exact state of the data, stored under a
// key that names that state (every data file's path and blob id) and the command's inputs, so
// running the command again on the same files answers without loading them. One small file a
// result, in the parse cache's versioned folder (a new iops starts afresh); each file starts with
// the length and CRC-32 of its text, and one that does not match is a miss (and is removed). The
// check is against damage (a truncated write, a flipped bit), as the parse cache's packs are
// (parseCache.ts), not against someone who can write the git folder. Never throws: a cache that
// cannot be read or written only makes iops slower.
import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheVersion } from './parseCache.js';

/** Results kept; the least recently used beyond this are removed. */
const KEEP = 200;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export class ResultStore {
  private readonly dir: string;

  constructor(
    gitDir: string,
    folder = 'results',
    /** Files kept; the least recently used beyond this are removed. */
    private readonly keep = KEEP,
  ) {
    this.dir = join(gitDir, 'iops-cache', cacheVersion(), folder);
  }

  /** Whether a file is kept under this key (not whether it is intact). */
  has(key: string): boolean {
    return existsSync(join(this.dir, key));
  }

  get(key: string): string | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.dir, key));
    } catch {
      return undefined;
    }
    return this.checked(key, bytes);
  }

  /** As get, reading without blocking (so the read overlaps other work, such as git listing the files). */
  async getSoon(key: string): Promise<string | undefined> {
    const bytes = await readFile(join(this.dir, key)).catch(() => undefined);
    return bytes === undefined ? undefined : this.checked(key, bytes);
  }

  /**
   * The body of a file read, when its length and CRC-32 match (else the file is removed). Checked
   * as bytes and decoded once: checking the decoded text would encode it again (kept parts are
   * 10–20 MB at five years; a CRC-32 of them costs half a SHA-1).
   */
  private checked(key: string, bytes: Buffer): string | undefined {
    const path = join(this.dir, key);
    const nl = bytes.indexOf(10);
    const intact = nl > 0 && nl <= 30 && bytes.toString('latin1', 0, nl) === header(bytes.subarray(nl + 1));
    try {
      if (!intact) rmSync(path, { force: true });
      else utimesSync(path, new Date(), new Date()); // recently used
    } catch {
      // a read-only cache still answers
    }
    return intact ? bytes.toString('utf8', nl + 1) : undefined;
  }

  put(key: string, body: string): void {
    const tmp = join(this.dir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(this.dir, { recursive: true });
      const bytes = Buffer.from(body, 'utf8');
      writeFileSync(tmp, Buffer.concat([Buffer.from(`${header(bytes)}\n`, 'latin1'), bytes]));
      renameSync(tmp, join(this.dir, key));
      this.prune();
    } catch {
      // read-only git folder, full disk: carry on without remembering
      rmSync(tmp, { force: true, maxRetries: 0 });
    }
  }

  private prune(): void {
    const names = readdirSync(this.dir);
    if (names.length <= this.keep) return;
    const byAge = names.map((name) => ({ name, time: statSync(join(this.dir, name)).mtimeMs })).sort((a, b) => b.time - a.time);
    for (const { name } of byAge.slice(this.keep)) rmSync(join(this.dir, name), { force: true });
  }
}

/** A kept file's first line: its body's length in bytes and CRC-32 (hexadecimal). */
const header = (body: Uint8Array) => `${body.length} ${crc32(body).toString(16).padStart(8, '0')}`;

/** The key of a result: the command's name and inputs and the state of the data. */
export const resultKey = (name: string, inputs: unknown, state: string): string => sha1(`${name}\0${JSON.stringify(inputs)}\0${state}`);

/** Where each command's kept chapter parts are (load/byChapter.ts): a few, as each is large (19 MB at five years). */
export const keptParts = (gitDir: string) => new ResultStore(gitDir, 'chapters', 6);

/** The key of a command's kept chapter parts: the command, its inputs and the data folder. */
export const keptKey = (name: string, inputs: unknown, root: string): string => sha1(`${name}\0${JSON.stringify(inputs)}\0${root}`);
