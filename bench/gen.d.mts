// Types of the scale generator (bench/gen.mjs), for the tests that use it.
export interface Scale {
  name: string;
  members: number;
  chapters: number;
  meetings: number;
  reports: number;
  receipts: number;
}
export const GENERATOR_VERSION: number;
export const SCALES: Record<'S1' | 'S5', Omit<Scale, 'name'>>;
export const SNAPSHOT: string;
export function scaleOf(name: string): Scale;
/** Calls emit(path, text) for every file; returns the receipts as journal entries. */
export function generate(scale: Scale, emit: (path: string, text: string) => void): string[];
export function goalsText(women: number): string;
export function generateRepository(
  scale: Scale,
  out: string,
  opts?: { force?: boolean; log?: (s: string) => void },
): { out: string; reused: boolean; journal: string; files?: number; bytes?: number };
export function defaultOut(scale: Scale): string;
