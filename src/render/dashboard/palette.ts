// The page's colours, light and dark, as data: the stylesheet is generated from them, and a
// test checks every text and graphic pair against WCAG AA (4.5:1 for text, 3:1 for lines).

export interface Palette {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
  grid: string;
  accent: string;
  trend: string;
  target: string;
  yes: string;
  yesBg: string;
  no: string;
  noBg: string;
  warn: string;
  warnBg: string;
  track: string;
}

export const LIGHT: Palette = {
  bg: '#ffffff',
  surface: '#f5f7fa',
  text: '#16191d',
  muted: '#4a5361',
  border: '#c9d0da',
  grid: '#e3e7ed',
  accent: '#1f4fc2',
  trend: '#7a2e9e',
  target: '#a04a00',
  yes: '#135c2c',
  yesBg: '#dcf5e3',
  no: '#9b1c1c',
  noBg: '#fde4e4',
  warn: '#7a4a00',
  warnBg: '#fcefc7',
  track: '#dde2e9',
};

export const DARK: Palette = {
  bg: '#0f1318',
  surface: '#181d24',
  text: '#e8ebef',
  muted: '#aab3bf',
  border: '#3a4350',
  grid: '#2a313b',
  accent: '#84a9ff',
  trend: '#d6a6f2',
  target: '#f2b25c',
  yes: '#8fe0a8',
  yesBg: '#123320',
  no: '#ffaaa5',
  noBg: '#3d1616',
  warn: '#f6d57e',
  warnBg: '#382b08',
  track: '#2e3540',
};

/** Pairs that must be readable: [foreground, background, minimum ratio]. */
export const CONTRAST_PAIRS: readonly [keyof Palette, keyof Palette, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['accent', 'bg', 4.5],
  ['accent', 'surface', 4.5],
  ['trend', 'surface', 4.5],
  ['target', 'surface', 4.5],
  ['yes', 'yesBg', 4.5],
  ['no', 'noBg', 4.5],
  ['warn', 'warnBg', 4.5],
  ['yes', 'surface', 4.5],
  ['no', 'surface', 4.5],
  ['accent', 'track', 3],
  ['yes', 'track', 3],
];

const channel = (hex: string, i: number) => {
  const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The palette as CSS custom properties. */
export const cssVariables = (p: Palette): string =>
  Object.entries(p)
    .map(([k, v]) => `--${kebab(k)}:${v};`)
    .join('');
