// What `iops history` can honestly say about a commit's `Iops-Command` trailer. Anyone can
// type one into a hand-made commit, so a trailer is a claim. It is shown as the command that
// made the commit only when the commit is consistent with it: the trailer block is exactly
// what iops writes (one `Iops-Command`, then `Iops-Entity: kind/id` lines, nothing else), and
// every file the commit touched is a file that command writes, in a chapter or branch the
// trailers name. `init` writes anything, so it is believed only for the commits that open the
// data folder's history (every earlier commit also claims `init`). Consistent is not proof:
// a hand edit of exactly the right file with exactly the right trailers passes (docs/writing.md).
import { ID_PATTERN, paths } from './paths.js';
import { DECISION_ID_PATTERN } from './schema/decision.js';

export type Provenance =
  | { kind: 'command'; command: string }
  | { kind: 'unverified'; claimed: string; because: string }
  | { kind: 'by-hand' };

/**
 * The files each command writes: the chapter or branch id is the first group, named by an
 * Iops-Entity; a decision command writes the file of a decision it names (paths.decision).
 */
const CHAPTER = (file: string) => new RegExp(`^chapters/([^/]+)/${file}$`);
// `owner: null`: the command writes organisation-wide files, named by no entity
const WRITES: Record<string, { owner: 'chapter' | 'branch' | 'decision' | null; path: RegExp }> = {
  'chapter add': { owner: 'chapter', path: CHAPTER('chapter\\.yaml') },
  'chapter set': { owner: 'chapter', path: CHAPTER('chapter\\.yaml') },
  'branch add': { owner: 'branch', path: /^branches\/([^/]+)\.yaml$/ },
  'gathering log': { owner: 'branch', path: /^branches\/([^/]+)\.yaml$/ },
  'member add': { owner: 'chapter', path: CHAPTER('members\\.yaml') },
  'member leave': { owner: 'chapter', path: CHAPTER('members\\.yaml') },
  'member set': { owner: 'chapter', path: CHAPTER('members\\.yaml') },
  'member move': { owner: 'chapter', path: CHAPTER('members\\.yaml') },
  'import members': { owner: 'chapter', path: CHAPTER('members\\.yaml') },
  'meeting log': { owner: 'chapter', path: CHAPTER('meetings/[^/]+\\.yaml') },
  'dues record': { owner: 'chapter', path: CHAPTER('dues/\\d{4}\\.yaml') },
  'dues import': { owner: 'chapter', path: CHAPTER('dues/\\d{4}\\.yaml') },
  'decision propose': { owner: 'decision', path: /^(?:chapters\/[^/]+\/)?decisions\/[^/]+\.yaml$/ },
  'decision record': { owner: 'decision', path: /^(?:chapters\/[^/]+\/)?decisions\/[^/]+\.yaml$/ },
  'report publish': { owner: 'chapter', path: CHAPTER('reports/[^/]+\\.md') },
  'rates set': { owner: null, path: /^iops\.yaml$/ },
  // the organisation's treasury file of the year; the trailers name the chapters and branches whose accounts it moves
  'dues transfer': { owner: null, path: /^treasury\/\d{4}\.yaml$/ },
  'dues expense': { owner: null, path: /^treasury\/\d{4}\.yaml$/ },
};

const INIT = new Set(['init', 'init --sample']);

const COMMAND_LINE = /^Iops-Command: ?(.*)$/i;
const ENTITY_LINE = /^Iops-Entity: ?(chapter|branch|member|decision)\/(.+)$/i;

/** The `Iops-Command` value a message claims, if any line of it says so. */
export function claimedCommand(message: string): string | null {
  for (const line of message.split('\n')) {
    const m = COMMAND_LINE.exec(line.trim());
    if (m) return m[1]!.trim();
  }
  return null;
}

/** Whether the message claims `init` (so the commit can belong to the opening run of init commits). */
export const claimsInit = (message: string): boolean => INIT.has(claimedCommand(message) ?? '');

/**
 * The provenance of one commit: `files` relative to the data folder; `openingInit` when every
 * earlier commit of the data folder claims `init` too.
 */
export function provenance(message: string, files: readonly string[], openingInit: boolean): Provenance {
  const claimed = claimedCommand(message);
  if (claimed === null) return { kind: 'by-hand' };
  const unverified = (because: string): Provenance => ({ kind: 'unverified', claimed, because });
  const paragraphs = message.trim().split(/\n[ \t]*\n/);
  const block = paragraphs[paragraphs.length - 1]!.split('\n').map((l) => l.trim());
  if (paragraphs.length < 2 || !COMMAND_LINE.test(block[0]!) || !block.slice(1).every((l) => ENTITY_LINE.test(l))) {
    return unverified('its trailers are not the block iops writes');
  }
  const entities = block.slice(1).map((l) => ENTITY_LINE.exec(l)!);
  if (entities.some((m) => !(m[1]!.toLowerCase() === 'decision' ? DECISION_ID_PATTERN : ID_PATTERN).test(m[2]!))) return unverified('it names an entity that is not a valid id');
  if (INIT.has(claimed)) return openingInit ? { kind: 'command', command: claimed } : unverified('init only makes the first commits of a data repository');
  const writes = WRITES[claimed];
  if (!writes) return unverified('no iops command has that name');
  if (!files.length) return unverified('it changes no data file');
  const named = new Set(entities.filter((m) => m[1]!.toLowerCase() === writes.owner).map((m) => m[2]!));
  for (const file of files) {
    const match = writes.path.exec(file);
    if (!match) return unverified(`it changes ${file}, which ${claimed} never writes`);
    if (writes.owner === null) continue;
    if (writes.owner === 'decision') {
      if (![...named].some((id) => paths.decision(id) === file)) return unverified(`it changes ${file} without naming that decision`);
      continue;
    }
    const owner = match[1]!;
    if (!named.has(owner)) return unverified(`it changes ${file} without naming ${writes.owner}/${owner}`);
  }
  return { kind: 'command', command: claimed };
}
