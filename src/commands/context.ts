// What every command handler receives and returns, so tests can call handlers directly.
import { Chalk, type ChalkInstance } from 'chalk';
import type { DataLocation } from '../io/repo.js';

export interface CommandContext {
  cwd: string;
  env: Record<string, string | undefined>;
  /** `--data DIR`, if given. */
  data?: string | undefined;
  /** Colour and terminal layout: see `colorWanted`. */
  color: boolean;
  /** The terminal's width (else $COLUMNS): tables that can be cut to fit it do. */
  width?: number | undefined;
  /** Today's calendar date where the user is. */
  today: string;
}

export interface CommandResult {
  stdout: string;
  stderr?: string;
  exitCode: number;
}

/** Where the data is, for this run: one object per run, so the data folder is looked for once (io/repo.ts). */
export const location = (ctx: CommandContext): DataLocation => {
  let found = locations.get(ctx);
  if (!found) locations.set(ctx, (found = { data: ctx.data, env: ctx.env.IOPS_DATA, cwd: ctx.cwd }));
  return found;
};
const locations = new WeakMap<CommandContext, DataLocation>();

export const chalkFor = (ctx: CommandContext): ChalkInstance => new Chalk({ level: ctx.color ? 1 : 0 });

/**
 * Whether to colour the output, decided here once per run, for every command and error: no
 * colour with `--no-color` or `NO_COLOR` (any value but the empty one, no-color.org); else
 * `FORCE_COLOR` decides when set (colour even through a pipe, unless it is 0 or false); else
 * no colour when `TERM=dumb`; else colour only when standard output is a terminal.
 */
export function colorWanted(flag: boolean, isTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (!flag || env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force.trim());
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export type Format = 'table' | 'json' | 'markdown';

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
