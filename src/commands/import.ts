// iops import members FILE.csv --chapter C: a spreadsheet of members, all or nothing, one commit.
import { resolve } from 'node:path';
import { importMembers } from '../app/changes/importMembers.js';
import { readCsvFile } from '../io/csv.js';
import { progressStage } from '../io/progress.js';
import type { CommandContext, CommandResult } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export async function importMembersCommand(ctx: CommandContext, file: string, opts: { chapter: string } & WriteFlags): Promise<CommandResult> {
  progressStage(`importing the members in ${file}`);
  const text = await readCsvFile(resolve(ctx.cwd, file));
  return runWrite(ctx, importMembers(file, text, opts.chapter), opts);
}
