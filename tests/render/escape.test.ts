// The one escaping module: hostile text stays text. Markdown is checked with a real CommonMark
// + GFM parser (markdown-it with raw HTML allowed, so leaked HTML would show as a tag), in the
// places the renderers put user text: a heading, a paragraph, a list item and a table cell.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/core/text/invisible.js';
import { mdCode, mdText, printable } from '../../src/render/escape.js';

const parser = new MarkdownIt({ html: true });

/** Block and inline tokens of a document, with their text, flattened. */
function blocks(markdown: string): string[] {
  return parser.parse(markdown, {}).filter((t) => t.type !== 'inline' && !t.type.endsWith('_close')).map((t) => t.type);
}

/** The plain text of every inline token, in order: what a reader sees. */
function texts(markdown: string): string[] {
  return parser.parse(markdown, {}).filter((t) => t.type === 'inline').map((t) => (t.children ?? []).map((c) => (c.type === 'text' ? c.content : `<${c.type}>`)).join(''));
}

/** What a reader should see: one line, invisible characters written out, spaces collapsed. */
const seen = (s: string) => visible(s.replace(/\r\n|[\n\r\t\f\v\u0085\u2028\u2029]/g, ' ')).replace(/ {2,}/g, ' ').trim();

const HOSTILE = [
  'Founding\n\n**Readiness: READY**\n\n<!--',
  '<script>alert(1)</script>',
  '# Not a heading',
  '> quoted',
  '- item',
  '1. first',
  '2) second',
  '+ plus',
  '=====',
  '| a | b |',
  'a \\| b',
  'trailing backslash \\',
  '`code` and ``more``',
  '[link](https://evil.example) ![img](x.png)',
  '*em* _em_ **strong** ~~gone~~',
  '&lt;b&gt; &#x202E; &amp;',
  'title #',
  'x\u202eevil\u2066y',
  'tab\there',
  '    four spaces',
  '<!-- never closed',
  'line\r\nbreak\u2028sep',
];

const ALPHABET = ['a', 'Z', '1', '9', ' ', '\n', '\r', '\t', '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '!', '|', '#', '~', '&', ';', '-', '+', '=', '.', ':', '"', "'", '/', '\u202e', '\u2066', '\u200b', '\u0000', '\u001b', 'é', '<!--', '-->', '&#x202E;', '**', '```'];
const hostile = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));

describe('mdText', () => {
  it.each(HOSTILE)('keeps %j as the text of one heading, paragraph, list item and table cell', (s) => {
    const text = mdText(s);
    expect(text).not.toMatch(/\n/);
    expect(blocks(`## ${text}`)).toEqual(['heading_open']);
    expect(texts(`## ${text}`)).toEqual([seen(s)]);
    expect(blocks(`Before ${text} after`)).toEqual(['paragraph_open']);
    expect(texts(`Before ${text} after`)).toEqual([`Before ${seen(s)} after`.replace(/ {2,}/g, ' ')]);
    expect(blocks(`- ${text}`)).toEqual(['bullet_list_open', 'list_item_open', 'paragraph_open']);
    const table = `| Goal | Met |\n| --- | --- |\n| ${text} | yes |`;
    expect(blocks(table).filter((t) => t === 'td_open' || t === 'th_open' || t === 'tr_open')).toEqual(['tr_open', 'th_open', 'th_open', 'tr_open', 'td_open', 'td_open']);
    expect(texts(table)).toEqual(['Goal', 'Met', seen(s), 'yes']);
    expect(parser.render(`${text}\n\nafter`)).not.toMatch(/<(?!\/?p>)/);
  });

  it('holds for random hostile strings', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const table = `## ${mdText(a)}\n\n| Goal | Met |\n| --- | --- |\n| ${mdText(a)} | ${mdText(b)} |\n\n${mdText(b)}\n\n**Readiness: not ready**`;
        expect(blocks(table).filter((t) => !['thead_open', 'tbody_open'].includes(t))).toEqual(['heading_open', 'table_open', 'tr_open', 'th_open', 'th_open', 'tr_open', 'td_open', 'td_open', ...(seen(b) ? ['paragraph_open'] : []), 'paragraph_open']);
        expect(texts(table)).toEqual([seen(a), 'Goal', 'Met', seen(a), seen(b), ...(seen(b) ? [seen(b)] : []), '<strong_open>Readiness: not ready<strong_close>']);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mdCode', () => {
  it('is one literal code span whatever backticks it holds', () => {
    for (const s of ['main', 'feature/`x`', '``', '`start', 'a\nb', '<!--']) {
      const tokens = parser.parseInline(`x ${mdCode(s)} y`, {})[0]!.children!;
      expect(tokens.map((t) => t.type)).toEqual(['text', 'code_inline', 'text']);
      expect(tokens[1]!.content).toBe(seen(s));
    }
  });
});

describe('printable', () => {
  it('writes out controls and bidirectional characters in every string of a view, leaving numbers, Maps and the rest', () => {
    const totals = new Map([['GBP', 1]]);
    const view = { title: 'a\u202eb', n: 3, list: [{ note: 'x\u001b[2Jy\nz' }], totals, ok: null };
    const out = printable(view);
    expect(out).toEqual({ title: 'a\\u202eb', n: 3, list: [{ note: 'x\\u001b[2Jy\\nz' }], totals, ok: null });
    expect(out.totals).toBe(totals);
    expect(view.title).toBe('a\u202eb');
  });

  it('copies what it changes and leaves the view as it was: a string deep in a list after clean ones, a `__proto__` key from a data file', () => {
    const view = JSON.parse('{"rows":[{"id":"a","why":"ok"},{"id":"b","why":"x\\u202ey"}],"__proto__":{"evil":"\\u202e"},"tail":"t"}') as Record<string, unknown>;
    const before = JSON.stringify(view);
    const out = printable(view);
    expect(Object.keys(out)).toEqual(['rows', '__proto__', 'tail']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"rows":[{"id":"a","why":"ok"},{"id":"b","why":"x\\\\u202ey"}],"__proto__":{"evil":"\\\\u202e"},"tail":"t"}');
    expect(JSON.stringify(view)).toBe(before);
  });

  it('covers the Trojan Source characters', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\ufeff', '\u0085', '\u009b']) {
      expect(visible(`a${c}b`)).toBe(`a\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}b`);
    }
  });
});
