// A package tarball as npm writes one (`npm pack`): a gzipped ustar archive whose entries sit
// under `package/`. iops writes its own so that `iops init` can pin the running iops into a new
// data repository without a network, without npm, and byte for byte the same on every run
// (fixed times and modes, sorted entries), so the integrity hash recorded in the lockfile
// changes only when the files do.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface TarballEntry {
  /** The path inside the package, with `/` separators: `bin/iops.js`. */
  path: string;
  content: Uint8Array;
}

/** The time npm stamps on every entry it packs (1985-10-26T08:15:00Z), for reproducible tarballs. */
const NPM_MTIME = 499162500;
const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** ustar keeps a path in a 100-byte name and a 155-byte prefix, split at a `/`. */
function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new Error(`${path}: too long a path for a package tarball`);
}

function header(path: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { name, prefix } = splitPath(path);
  const field = (text: string, at: number) => block.write(text, at, 'utf8');
  field(name, 0);
  field(octal(0o644, 8), 100);
  field(octal(0, 8), 108);
  field(octal(0, 8), 116);
  field(octal(size, 12), 124);
  field(octal(NPM_MTIME, 12), 136);
  field('        ', 148); // the checksum counts its own field as spaces
  field('0', 156);
  field('ustar\0' + '00', 257);
  field(prefix, 345);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(octal(sum, 7) + ' ', 148);
  return block;
}

/** The .tgz of `entries`, each under `package/`, in path order. */
export function packTarball(entries: readonly TarballEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    parts.push(header(`package/${entry.path}`, entry.content.byteLength), Buffer.from(entry.content));
    const pad = (BLOCK - (entry.content.byteLength % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** The Subresource Integrity string npm records in a lockfile and checks on `npm ci`. */
export function integrityOf(bytes: Uint8Array): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}
