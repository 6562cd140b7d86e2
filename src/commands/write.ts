// Running a write command: the transaction, then a short confirmation. `--dry-run` prints the
// diff it would make; `--no-commit` writes the files and leaves committing to the user;
// `--quiet` leaves out the confirmation (what it did, the commit), never a note or an error.
import { type Plan, type WriteOutcome, applyChange } from '../app/transaction.js';
import { visible } from '../core/text/invisible.js';
import { EXIT } from '../errors.js';
import { type CommandContext, type CommandResult, location } from './context.js';

export interface WriteFlags {
  /** false with --no-commit */
  commit?: boolean;
  dryRun?: boolean;
  /** --quiet: no confirmation; the command's output (a new member's id) and notes stay */
  quiet?: boolean;
}

export async function runWrite(ctx: CommandContext, plan: Plan, flags: WriteFlags): Promise<CommandResult> {
  const outcome = await applyChange(location(ctx), plan, { commit: flags.commit !== false, dryRun: flags.dryRun === true, env: ctx.env });
  return writeResult(outcome, flags.quiet === true);
}

export function writeResult(o: WriteOutcome, quiet = false): CommandResult {
  const notes = o.notes;
  // the subject carries names from the files: their bidi and control characters are written out
  const subject = visible(o.change.subject);
  if (o.status === 'dry-run') {
    const said = quiet ? [] : [`dry run: nothing was changed; this would commit "${subject}"`];
    return { stdout: o.diff ?? '', stderr: [...notes, ...said].join('\n'), exitCode: EXIT.ok };
  }
  if (quiet) return { stdout: o.change.output ?? '', stderr: notes.join('\n'), exitCode: EXIT.ok };
  const summary =
    o.status === 'committed'
      ? `${subject}\ncommitted ${o.commit!.slice(0, 7)}`
      : `${subject}\nwritten, not committed (--no-commit): ${o.paths.join(' ')}\nto commit it: git add -- ${o.paths.join(' ')} && git commit`;
  if (o.change.output !== undefined) return { stdout: o.change.output, stderr: [...notes, summary].join('\n'), exitCode: EXIT.ok };
  return { stdout: summary, ...(notes.length ? { stderr: notes.join('\n') } : {}), exitCode: EXIT.ok };
}
