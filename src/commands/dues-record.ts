// iops dues record: one receipt into the member's chapter ledger for that year.
import { type DuesInput, duesRecord } from '../app/changes/dues.js';
import type { CommandContext, CommandResult } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export const duesRecordCommand = (ctx: CommandContext, opts: DuesInput & WriteFlags): Promise<CommandResult> => runWrite(ctx, duesRecord(opts), opts);
