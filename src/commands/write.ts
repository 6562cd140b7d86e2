// Running a write command: the transaction, then a short confirmation. `--dry-run` prints the
// diff it would make; `--no-commit` writes the files and leaves committing to the user.
import { type Plan, type WriteOutcome, applyChange } from '../app/transaction.js';
import { visible } from '../core/text/invisible.js';
import { EXIT } from '../errors.js';
import { type CommandContext, type CommandResult, location } from './context.js';

export interface WriteFlags {
  /** false with --no-commit */
  commit?: boolean;
  dryRun?: boolean;
}

export async function runWrite(ctx: CommandContext, plan: Plan, flags: WriteFlags): Promise<CommandResult> {
  const outcome = await applyChange(location(ctx), plan, { commit: flags.commit !== false, dryRun: flags.dryRun === true, env: ctx.env });
  return writeResult(outcome);
}

export function writeResult(o: WriteOutcome): CommandResult {
  const notes = o.notes;
  // the subject carries names from the files: their bidi and control characters are written out
  const subject = visible(o.change.subject);
  if (o.status === 'dry-run') {
    return { stdout: o.diff ?? '', stderr: [...notes, `dry run: nothing was changed; this would commit "${subject}"`].join('\n'), exitCode: EXIT.ok };
  }
  const summary =
    o.status === 'committed'
      ? `${subject}\ncommitted ${o.commit!.slice(0, 7)}`
      : `${subject}\nwritten, not committed (--no-commit): ${o.paths.join(' ')}\nto commit it: git add -- ${o.paths.join(' ')} && git commit`;
  if (o.change.output !== undefined) return { stdout: o.change.output, stderr: [...notes, summary].join('\n'), exitCode: EXIT.ok };
  return { stdout: summary, ...(notes.length ? { stderr: notes.join('\n') } : {}), exitCode: EXIT.ok };
}
