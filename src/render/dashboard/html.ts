// HTML that escapes by default: `html` is a tagged template whose interpolated strings and
// numbers are escaped; only fragments built by `html` itself (or wrapped in `trusted` for the
// page's own constant CSS and script) pass through. Any text from the data (chapter names,
// goal titles) therefore cannot become markup, whichever renderer forgets to think about it.

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function render(part: Part): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((p, i) => (out += render(p) + strings[i + 1]!));
  return new Html(out);
}

/** The page's own constant CSS and script: never data. */
export const trusted = (text: string): Html => new Html(text);

export const join = (parts: readonly Part[], separator = ''): Html => new Html(parts.map(render).join(escapeHtml(separator)));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Aug 2012" for a YYYY-MM-DD or YYYY-MM. */
export const monthLabel = (date: string): string => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** Yes/no in words (never colour alone), with a class for the colour. */
export const yesNoCell = (b: boolean | null): Html =>
  b === null ? html`<span class="na">—</span>` : b ? html`<span class="yes">yes</span>` : html`<span class="no">no</span>`;

/** A date, or a dash when there is none. */
export const dateCell = (d: string | null): Html => (d === null ? html`<span class="na">never</span>` : html`<time datetime="${d}">${d}</time>`);
