// Which files a one-chapter report reads, chosen from file texts: the chapter's own folder and
// only the context its numbers and cross-references need — the settings, the goals, the
// branches, every chapter.yaml, other chapters' meetings that name this chapter (joint
// meetings), and, for every such meeting or own meeting that lists attendees, the members of
// the chapters it names. Another chapter's delegate is resolved by a one-line stand-in for its
// members list instead of parsing the whole list. `--publish` builds its report this way from
// the files the write transaction read (falling back to all of them on any problem);
// app/scope.ts makes the same selection from parsed data for the parse cache. docs/report.md.

export interface ScopedFile {
  path: string;
  bytes?: Uint8Array;
  problem?: string;
}

const OTHER_CHAPTER_FILE = /^chapters\/([^/]+)\/(chapter\.yaml|members\.yaml|meetings\/[^/]+)$/;

/** Paths worth reading (the rest of other chapters — reports, dues — never matter). */
export function scopePaths(chapter: string): (path: string) => boolean {
  const own = `chapters/${chapter}/`;
  return (path) =>
    path === 'iops.yaml' || path === 'goals.yaml' || path.startsWith('branches/') || path.startsWith(own) || OTHER_CHAPTER_FILE.test(path);
}

const decoder = new TextDecoder();
const textOf = (f: ScopedFile): string => (f.bytes ? decoder.decode(f.bytes) : '');

/** The words of a file that could be ids (lowercase letters, digits and '-'). */
const words = (text: string): Set<string> => new Set(text.match(/[a-z0-9][a-z0-9-]*/g) ?? []);

const DELEGATE = /^delegate:[ \t]*(["']?)([a-z0-9][a-z0-9-]*)\1[ \t]*(#.*)?$/m;
const FOUNDED = /^founded:[ \t]*(["']?)(\d{4}-\d{2}-\d{2})\1[ \t]*(#.*)?$/m;

/**
 * The files (read through `scopePaths`) to load for a report on `chapter`. Attendees may be
 * members of any chapter: for each loaded meeting that lists attendees, the members of its
 * chapter and of every chapter it names are loaded too.
 */
export function selectScope(chapter: string, files: readonly ScopedFile[]): ScopedFile[] {
  const own = `chapters/${chapter}/`;
  const kept: ScopedFile[] = [];
  const chapterFiles = new Map<string, ScopedFile>();
  const membersFiles = new Map<string, ScopedFile>();
  const meetings: { holder: string; words: Set<string> }[] = [];
  for (const f of files) {
    const m = OTHER_CHAPTER_FILE.exec(f.path);
    if (f.path.startsWith(own) || !m) {
      kept.push(f);
      if (f.path.startsWith(`${own}meetings/`)) meetings.push({ holder: chapter, words: words(textOf(f)) });
      continue;
    }
    const [, other, name] = m;
    if (name === 'chapter.yaml') chapterFiles.set(other!, f);
    else if (name === 'members.yaml') membersFiles.set(other!, f);
    else {
      const found = words(textOf(f));
      if (f.problem === undefined && !found.has(chapter)) continue;
      kept.push(f);
      meetings.push({ holder: other!, words: found });
    }
  }
  const attendeesFrom = new Set<string>();
  for (const m of meetings) {
    if (!m.words.has('attendees')) continue;
    attendeesFrom.add(m.holder);
    for (const other of membersFiles.keys()) if (m.words.has(other)) attendeesFrom.add(other);
  }
  for (const [other, f] of membersFiles) if (attendeesFrom.has(other)) kept.push(f);
  for (const [other, f] of chapterFiles) {
    kept.push(f);
    if (attendeesFrom.has(other) && membersFiles.has(other)) continue;
    const delegate = DELEGATE.exec(textOf(f))?.[2];
    if (delegate === undefined) continue;
    const joined = FOUNDED.exec(textOf(f))?.[2] ?? '1970-01-01';
    kept.push({ path: `chapters/${other}/members.yaml`, bytes: new TextEncoder().encode(`- id: ${delegate}\n  joined: ${joined}\n`) });
  }
  return kept;
}
