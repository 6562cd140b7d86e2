// iops chapter add / chapter set / branch add.
import { type ChapterAddInput, type ChapterSetInput, branchAdd, chapterAdd, chapterSet } from '../app/changes/chapters.js';
import type { CommandContext, CommandResult } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export const chapterAddCommand = (ctx: CommandContext, id: string, opts: ChapterAddInput & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, chapterAdd(id, opts), opts);

export const chapterSetCommand = (ctx: CommandContext, id: string, opts: ChapterSetInput & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, chapterSet(id, opts), opts);

export const branchAddCommand = (ctx: CommandContext, id: string, opts: { name: string; country: string } & WriteFlags): Promise<CommandResult> =>
  runWrite(ctx, branchAdd(id, opts), opts);
