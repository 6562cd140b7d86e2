// What every command handler receives and returns, so tests can call handlers directly.
import { Chalk, type ChalkInstance } from 'chalk';
import type { DataLocation } from '../io/repo.js';

export interface CommandContext {
  cwd: string;
  env: Record<string, string | undefined>;
  /** `--data DIR`, if given. */
  data?: string | undefined;
  /** Colour and terminal layout (only on a TTY, honouring NO_COLOR and --no-color). */
  color: boolean;
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

export type Format = 'table' | 'json' | 'markdown';

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
