// Every member id of a tree with the chapter whose members.yaml lists it, kept as text beside
// a kept HEAD tree (load/headTree.ts) so that a write naming one chapter or one member can plan
// without loading the other chapters' members (160,000 at five years): one line a chapter,
// `<chapter> <id> <id> …`, in the order the chapters were listed. A look-up is a search of the
// text (a few milliseconds at five years), so nothing is parsed to answer one id.

export interface MemberIds {
  /** The chapter whose members.yaml lists this id, or undefined when no chapter does. */
  chapterOf(id: string): string | undefined;
  /** Every id with its chapter. */
  all(): Iterable<{ id: string; chapter: string }>;
}

export class MemberIndex implements MemberIds {
  private constructor(private readonly text: string) {}

  /** The index of these chapters' members (each a chapter id and its members' ids). */
  static of(chapters: Iterable<{ id: string; members: readonly { id: string }[] }>): MemberIndex {
    let text = '';
    for (const c of chapters) if (c.members.length) text += line(c.id, c.members.map((m) => m.id));
    return new MemberIndex(text);
  }

  /** The index as kept (toString: iops's own record, checksummed where it is kept); undefined when it is not one. */
  static read(text: string): MemberIndex | undefined {
    return text === '' || text.endsWith('\n') ? new MemberIndex(text) : undefined;
  }

  chapterOf(id: string): string | undefined {
    if (!id || /\s/.test(id)) return undefined;
    for (let at = this.text.indexOf(` ${id}`); at !== -1; at = this.text.indexOf(` ${id}`, at + 1)) {
      const after = this.text[at + 1 + id.length];
      if (after !== ' ' && after !== '\n') continue;
      const start = this.text.lastIndexOf('\n', at) + 1;
      return this.text.slice(start, this.text.indexOf(' ', start));
    }
    return undefined;
  }

  *all(): Iterable<{ id: string; chapter: string }> {
    for (const l of this.text.split('\n')) {
      const [chapter, ...ids] = l.split(' ');
      for (const id of ids) yield { id, chapter: chapter! };
    }
  }

  /** The index with this chapter's members replaced by these ids (none: the chapter has no members). */
  withChapter(chapter: string, ids: readonly string[]): MemberIndex {
    const start = this.text.startsWith(`${chapter} `) ? 0 : this.text.indexOf(`\n${chapter} `) + 1;
    const now = ids.length ? line(chapter, ids) : '';
    if (start === 0 && !this.text.startsWith(`${chapter} `)) return new MemberIndex(this.text + now);
    const end = this.text.indexOf('\n', start) + 1;
    return new MemberIndex(this.text.slice(0, start) + now + this.text.slice(end));
  }

  toString(): string {
    return this.text;
  }
}

const line = (chapter: string, ids: readonly string[]) => `${chapter} ${ids.join(' ')}\n`;
