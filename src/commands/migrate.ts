// iops migrate: brings a data repository written by an older iops to the current format, in
// one commit. Every change so far has been additive: the keys added later (members.yaml
// `moved_from` and `dues_before`, issue 15) are optional, and files without them stay valid
// and mean what they meant. So there is nothing to rewrite, and the command says so; the day a
// change is not additive, its rewrite goes here (docs/data-format.md, "Format changes").
import { EXIT } from '../errors.js';
import { findDataRoot } from '../io/repo.js';
import { type CommandContext, type CommandResult, location } from './context.js';

export async function migrateCommand(ctx: CommandContext): Promise<CommandResult> {
  findDataRoot(location(ctx)); // a usage error (exit 2) when there is no data repository
  return {
    stdout: 'nothing to migrate: the data is in the current format (every format change so far only added optional keys; see docs/data-format.md)',
    exitCode: EXIT.ok,
  };
}
