// Text from the data on its way into an output. Every data file and every pull request may be
// written by an adversary, so a name, a title or a commit subject must never change the
// structure of what it lands in: a Markdown review comment or report, or a terminal.
//
// Markdown (`mdText`): one line of inline text, safe in a heading, a list item, a paragraph or
// a table cell. Line breaks become spaces (a new line could start a heading, a list, a fake
// verdict); every character that can open markup is backslash-escaped (HTML and comments,
// emphasis, code, links and images, strikethrough, entities, table pipes), and a leading list
// or heading marker is escaped too. Invisible characters are written out as `\u202e`.
//
// Terminal (`printable`): every string of a view model with its controls and bidirectional or
// invisible formatting characters written out (core/text/invisible.ts), applied once where a
// table or text renderer starts, so no field can be forgotten. JSON stays raw.
import { visible } from '../core/text/invisible.js';

/** Line breaks of every kind, and the other whitespace controls that move the cursor. */
const BREAKS = /\r\n|[\n\r\t\f\v\u0085\u2028\u2029]/g;

/** Characters that can open inline markup anywhere in a line. */
const MARKUP = /[\\`*_[\]<>|#~&]/g;

/** What `mdText` gives `text`, before the Markdown escapes: one line, invisible characters shown. */
const oneLine = (text: string): string => visible(text.replace(BREAKS, ' ')).replace(/ {2,}/g, ' ').trim();

/** User text as inline Markdown: stays within its line, its cell and its paragraph. */
export function mdText(text: string): string {
  return (
    oneLine(text)
      .replace(MARKUP, '\\$&')
      // a list item, a setext underline or an ordered list when the text starts a line
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2')
  );
}

/** User text as a code span (refs, definition paths): literal, whatever backticks it holds. Not for table cells. */
export function mdCode(text: string): string {
  const body = oneLine(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A view model with every string in it made safe for a terminal. Plain objects and arrays are
 * copied where a string in them changes, and given back as they are otherwise (a readiness view
 * at five years holds 10,000 chapters' reasons: copying them all cost 50 ms, and garbage);
 * renderers only read them. Maps and class instances are kept as they are (their keys are ids,
 * months and currency codes, which the schema already limits).
 */
export function printable<T>(view: T): T {
  if (typeof view === 'string') return visible(view) as T;
  if (Array.isArray(view)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < view.length; i++) {
      const item: unknown = view[i];
      const shown = printable(item);
      if (shown !== item) (copy ??= view.slice())[i] = shown;
    }
    return (copy ?? view) as T;
  }
  if (view !== null && typeof view === 'object' && Object.getPrototypeOf(view) === Object.prototype) {
    const record = view as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let i = 0; i < keys.length; i++) {
      const shown = printable(record[keys[i]!]);
      // the copy's keys defined, never assigned: a key `__proto__` from a data file stays a key
      if (shown !== record[keys[i]!]) return Object.fromEntries(keys.map((k, j) => [k, j < i ? record[k] : j === i ? shown : printable(record[k])])) as T;
    }
    return view;
  }
  return view;
}
