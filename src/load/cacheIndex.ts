// The parse cache's index in memory (parseCache.ts): the entries of the index file as read, kept
// in the one buffer they came in and found through a table of their positions, and beside them
// what this run added or dropped. At the five-year scale (158,000 records) a Map of string keys
// and entry objects held 48 MB and took a tenth of a second to build; the buffer and its table
// hold 7 MB and build in a few milliseconds. Keys are `<blob id, 40 hex digits>:<kind code>:<variant>`.

export interface Entry {
  pack: number;
  offset: number;
  length: number;
  crc: number;
}

export const KEY_BYTES = 20;
/** Blob id prefix, kind code, variant, pack (2 bytes), offset, length and CRC-32 (4 each). */
export const ENTRY_BYTES = KEY_BYTES + 1 + 1 + 2 + 4 + 4 + 4;

/** Four bytes as an unsigned big-endian number (Buffer#readUInt32BE without its checks: offsets here are in range). */
const word = (b: Buffer, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

export class EntryIndex {
  /** Slot → the entry's number + 1 in `base` (0: empty); open addressing on the blob id's first 32 bits. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly added = new Map<string, Entry>();
  /** Entries of `base` dropped or replaced by `added`. */
  private readonly gone = new Set<number>();
  /** Which entries this run read or wrote (parseCache's compaction keeps those). */
  private readonly usedBase: Uint8Array;
  private readonly usedAdded = new Set<string>();
  private readonly words = new Array<number>(5).fill(0);

  /** `base`: `count` entries as the index file lays them out; `variantOf` maps a variant's name to its byte. */
  constructor(
    private readonly base: Buffer,
    private readonly count: number,
    private readonly variants: readonly string[],
  ) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.usedBase = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      let slot = word(base, i * ENTRY_BYTES) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i + 1;
    }
  }

  static empty(variants: readonly string[]): EntryIndex {
    return new EntryIndex(Buffer.alloc(0), 0, variants);
  }

  get size(): number {
    return this.count - this.gone.size + this.added.size;
  }

  get(key: string): Entry | undefined {
    const e = this.added.get(key);
    if (e) return e;
    const i = this.find(key);
    return i < 0 ? undefined : this.entryAt(i);
  }

  /** get, and mark the entry used (one lookup for both). */
  use(key: string): Entry | undefined {
    const e = this.added.get(key);
    if (e) {
      this.usedAdded.add(key);
      return e;
    }
    const i = this.find(key);
    if (i < 0) return undefined;
    this.usedBase[i] = 1;
    return this.entryAt(i);
  }

  has(key: string): boolean {
    return this.added.has(key) || this.find(key) >= 0;
  }

  set(key: string, e: Entry): void {
    const i = this.find(key);
    if (i >= 0) this.gone.add(i);
    this.added.set(key, e);
  }

  delete(key: string): void {
    const i = this.find(key);
    if (i >= 0) this.gone.add(i);
    this.added.delete(key);
    this.usedAdded.delete(key);
  }

  markUsed(key: string): void {
    const i = this.find(key);
    if (i >= 0) this.usedBase[i] = 1;
    else this.usedAdded.add(key);
  }

  /** Records used this run that are still in the index. */
  usedKeys(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) if (this.usedBase[i] && !this.gone.has(i)) out.push(this.keyAt(i));
    for (const key of this.usedAdded) if (this.added.has(key)) out.push(key);
    return out;
  }

  /** Every entry: those read (not dropped), then those added. */
  *entries(): IterableIterator<[string, Entry]> {
    for (let i = 0; i < this.count; i++) if (!this.gone.has(i)) yield [this.keyAt(i), this.entryAt(i)];
    yield* this.added;
  }

  /** The entry's number in `base`, or -1: the key's blob id read as five 32-bit words, compared with the entry's bytes. */
  private find(key: string): number {
    if (this.count === 0 || key.length < KEY_BYTES * 2 + 4 || key[KEY_BYTES * 2] !== ':' || key[KEY_BYTES * 2 + 2] !== ':') return -1;
    const variant = this.variants.indexOf(key.slice(KEY_BYTES * 2 + 3));
    if (variant < 0) return -1;
    const kind = key.charCodeAt(KEY_BYTES * 2 + 1);
    const words = this.words;
    for (let w = 0; w < 5; w++) {
      const word = Number(`0x${key.slice(w * 8, w * 8 + 8)}`); // NaN unless eight hex digits (the length is checked above)
      if (Number.isNaN(word)) return -1;
      words[w] = word;
    }
    const base = this.base;
    for (let slot = words[0]! & this.mask, n = this.table[slot]!; n !== 0; slot = (slot + 1) & this.mask, n = this.table[slot]!) {
      const at = (n - 1) * ENTRY_BYTES;
      if (
        word(base, at) === words[0] &&
        word(base, at + 4) === words[1] &&
        word(base, at + 8) === words[2] &&
        word(base, at + 12) === words[3] &&
        word(base, at + 16) === words[4] &&
        base[at + KEY_BYTES] === kind &&
        base[at + KEY_BYTES + 1] === variant
      )
        return this.gone.has(n - 1) ? -1 : n - 1;
    }
    return -1;
  }

  private keyAt(i: number): string {
    const at = i * ENTRY_BYTES;
    return `${this.base.toString('hex', at, at + KEY_BYTES)}:${String.fromCharCode(this.base[at + KEY_BYTES]!)}:${this.variants[this.base[at + KEY_BYTES + 1]!]}`;
  }

  private entryAt(i: number): Entry {
    const at = i * ENTRY_BYTES + KEY_BYTES + 2;
    return { pack: this.base.readUInt16LE(at), offset: this.base.readUInt32LE(at + 2), length: this.base.readUInt32LE(at + 6), crc: this.base.readUInt32LE(at + 10) };
  }
}
