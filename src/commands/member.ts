// iops member add / leave / move / set.
import { type MemberAddInput, type MemberSetInput, memberAdd, memberLeave, memberMove, memberSet } from '../app/changes/members.js';
import type { CommandContext, CommandResult } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export const memberAddCommand = (ctx: CommandContext, chapter: string, opts: Omit<MemberAddInput, 'chapter'> & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, memberAdd({ ...opts, chapter }), opts);

export const memberLeaveCommand = (ctx: CommandContext, id: string, opts: { date: string } & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, memberLeave(id, opts.date), opts);

export const memberMoveCommand = (ctx: CommandContext, id: string, chapter: string, opts: { on?: string } & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, memberMove(id, chapter, opts.on), opts);

export const memberSetCommand = (ctx: CommandContext, id: string, opts: MemberSetInput & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, memberSet(id, opts), opts);
