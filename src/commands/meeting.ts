// iops meeting log / gathering log: what happened, one file or one list item each.
import { type GatheringInput, gatheringLog } from '../app/changes/gathering.js';
import { type MeetingInput, meetingLog } from '../app/changes/meeting.js';
import type { CommandContext, CommandResult } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export const meetingLogCommand = (ctx: CommandContext, chapter: string, opts: MeetingInput & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, meetingLog(chapter, opts), opts);

export const gatheringLogCommand = (ctx: CommandContext, branch: string, opts: GatheringInput & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, gatheringLog(branch, opts), opts);
