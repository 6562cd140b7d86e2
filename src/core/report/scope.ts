// Which files a one-chapter report reads: the chapter's own folder and only the context its
// numbers and cross-references need — the settings, the goals, the branches, every
// chapter.yaml, other chapters' meetings that name this chapter (joint meetings), and every
// chapter's members (the privacy plan is organisation-wide: docs/privacy.md). Not other
// chapters' dues ledgers: at five years they hold two million receipts, and reading them made a
// report after an edit take 11 s and a gigabyte instead of 3 s. So the report's arrears count
// the receipts in the chapter's own ledgers (docs/report.md says what that leaves out). Another
// chapter's delegate (when its members list is missing) is resolved by a one-record stand-in for its members list
// instead of the whole list. One selection, over any view of the files: `selectScope` reads
// file texts (`--publish` builds its report this way from the files the write transaction
// read, falling back to all of them on any problem); load/scope.ts reads parsed, usually cached,
// data for the parse cache. docs/report.md.

const OTHER_CHAPTER_FILE = /^chapters\/([^/]+)\/(chapter\.yaml|members\.yaml|meetings\/[^/]+|decisions\/[^/]+)$/;

/** Paths worth reading (the rest of other chapters — their reports and dues ledgers — never read). */
export function scopePaths(chapter: string): (path: string) => boolean {
  const own = `chapters/${chapter}/`;
  return (path) =>
    path === 'iops.yaml' || path === 'goals.yaml' || path.startsWith('branches/') || path.startsWith('decisions/') || path.startsWith(own) || OTHER_CHAPTER_FILE.test(path);
}

/** How the selection sees a file, whatever it holds (text or parsed data). */
export interface ScopeView<F> {
  path(f: F): string;
  /** The words of a meeting that could be ids (lowercase letters, digits and '-'). */
  words(f: F): Set<string>;
  listsAttendees(f: F, words: Set<string>): boolean;
  /** Kept even when it does not name the chapter (a file with a problem, which must be reported). */
  alwaysKept(f: F): boolean;
  /** A chapter.yaml's delegate, and the day the chapter was founded. */
  delegate(f: F): { id: string; founded: string | undefined } | undefined;
  /** A members.yaml holding only `id`, joined on `joined`. */
  standIn(chapter: string, id: string, joined: string): F;
}

/**
 * The files (of those `scopePaths` wants) to load for a report on `chapter`: every members
 * list is kept (attendees may be members of any chapter, and the privacy plan needs them all),
 * so `listsAttendees` no longer narrows the selection.
 */
export function chooseScope<F>(chapter: string, files: readonly F[], view: ScopeView<F>): F[] {
  const own = `chapters/${chapter}/`;
  const kept: F[] = [];
  const chapterFiles = new Map<string, F>();
  const membersFiles = new Map<string, F>();
  for (const f of files) {
    const path = view.path(f);
    const m = OTHER_CHAPTER_FILE.exec(path);
    if (path.startsWith(own) || !m) {
      kept.push(f);
      continue;
    }
    const [, other, name] = m;
    if (name === 'chapter.yaml') chapterFiles.set(other!, f);
    else if (name!.startsWith('decisions/')) kept.push(f); // chapters' dues schemes name them
    else if (name === 'members.yaml') membersFiles.set(other!, f);
    else {
      if (!view.words(f).has(chapter) && !view.alwaysKept(f)) continue;
      kept.push(f);
    }
  }
  // every chapter's members: what the report may show of its breakdowns is decided over the
  // whole organisation (privacy/plan.ts), so that no other command's figure reveals a hidden cell
  for (const f of membersFiles.values()) kept.push(f);
  for (const [other, f] of chapterFiles) {
    kept.push(f);
    if (membersFiles.has(other)) continue;
    const delegate = view.delegate(f);
    if (delegate) kept.push(view.standIn(other, delegate.id, delegate.founded ?? '1970-01-01'));
  }
  return kept;
}

/** The words of a text that could be ids. */
export const idWords = (text: string, into = new Set<string>()): Set<string> => {
  for (const w of text.match(/[a-z0-9][a-z0-9-]*/g) ?? []) into.add(w);
  return into;
};

export interface ScopedFile {
  path: string;
  bytes?: Uint8Array;
  problem?: string;
}

const decoder = new TextDecoder();
const textOf = (f: ScopedFile): string => (f.bytes ? decoder.decode(f.bytes) : '');
const DELEGATE = /^delegate:[ \t]*(["']?)([a-z0-9][a-z0-9-]*)\1[ \t]*(#.*)?$/m;
const FOUNDED = /^founded:[ \t]*(["']?)(\d{4}-\d{2}-\d{2})\1[ \t]*(#.*)?$/m;

/** The selection from file texts (read through `scopePaths`). */
export const selectScope = (chapter: string, files: readonly ScopedFile[]): ScopedFile[] =>
  chooseScope(chapter, files, {
    path: (f) => f.path,
    words: (f) => idWords(textOf(f)),
    listsAttendees: (_f, words) => words.has('attendees'),
    alwaysKept: (f) => f.problem !== undefined,
    delegate: (f) => {
      const id = DELEGATE.exec(textOf(f))?.[2];
      return id === undefined ? undefined : { id, founded: FOUNDED.exec(textOf(f))?.[2] };
    },
    standIn: (other, id, joined) => ({ path: `chapters/${other}/members.yaml`, bytes: new TextEncoder().encode(`- id: ${id}\n  joined: ${joined}\n`) }),
  });
