// iops dues import FILE --chapter C: a bank statement's payments into the chapter's ledgers,
// all or nothing, one commit; a statement imported already records nothing and says so.
import { resolve } from 'node:path';
import { NothingNew, duesImport } from '../app/changes/duesImport.js';
import { applyChange } from '../app/transaction.js';
import { visible } from '../core/text/invisible.js';
import { EXIT } from '../errors.js';
import { readCsvFile } from '../io/csv.js';
import { type CommandContext, type CommandResult, location } from './context.js';
import { type WriteFlags, writeResult } from './write.js';

export interface DuesImportOptions extends WriteFlags {
  chapter: string;
  currency?: string;
}

export async function duesImportCommand(ctx: CommandContext, file: string, opts: DuesImportOptions): Promise<CommandResult> {
  const text = await readCsvFile(resolve(ctx.cwd, file));
  try {
    const outcome = await applyChange(location(ctx), duesImport(file, text, opts.chapter, { currency: opts.currency }), { commit: opts.commit !== false, dryRun: opts.dryRun === true, env: ctx.env });
    if (outcome.status !== 'dry-run') return writeResult(outcome, opts.quiet === true);
    // a dry run prints what it would record, not the ledgers' diff
    return { stdout: outcome.change.output ?? '', stderr: [...outcome.notes, `dry run: nothing was changed; this would commit "${visible(outcome.change.subject)}"`].join('\n'), exitCode: EXIT.ok };
  } catch (err) {
    if (err instanceof NothingNew) return { stdout: err.message, stderr: 'nothing was changed: every receipt of the statement is recorded already', exitCode: EXIT.ok };
    throw err;
  }
}
