// iops export members [--chapter C] --format csv|json: the member list for a spreadsheet, with
// each member's history (moved_from, dues_before), which import members reads back.
import { membersCsv } from '../app/changes/memberCsv.js';
import { chapterOf } from '../app/changes/values.js';
import { openRepository, requireValid } from '../load/open.js';
import { EXIT } from '../errors.js';
import { type CommandContext, type CommandResult, json, location } from './context.js';

export async function exportMembersCommand(ctx: CommandContext, opts: { chapter?: string; format?: string }): Promise<CommandResult> {
  const org = requireValid(await openRepository(location(ctx)));
  const chapters = opts.chapter !== undefined ? [chapterOf(org, opts.chapter)] : org.chapters;
  const members = chapters.flatMap((c) => c.members);
  if (opts.format === 'json') {
    const rows = members.map((m) => ({
      id: m.id,
      chapter: m.chapter,
      joined: m.joined,
      left: m.left ?? null,
      gender: m.gender,
      age_band: m.age_band ?? null,
      studied: m.studied,
      dues: m.dues ?? null,
      // the histories as members.yaml holds them, so an import keeps every figure of the past
      moved_from: m.moved_from ?? null,
      dues_before: m.dues_before ?? null,
    }));
    return { stdout: json(rows), exitCode: EXIT.ok };
  }
  return { stdout: membersCsv(members), exitCode: EXIT.ok };
}
