// `validate`'s warnings about receipts that look like the same money recorded twice
// (core/dues/duplicates.ts): within a chapter's ledgers, every year of them. Warnings, not
// problems: a member may really have paid twice, and the treasurer decides. The receipts are
// read a chapter at a time, and through the parse cache only for chapters with a ledger that
// may repeat a receipt (LedgerSums.mayRepeat, found when the ledger is parsed); only the
// ledgers that hold a likely duplicate are read again, to say where.
import { likelyDuplicates } from '../core/dues/duplicates.js';
import { formatMinor } from '../core/money.js';
import type { ReceiptRecord } from '../core/model.js';
import { type Problem, compareProblems, formatPath } from '../core/problem.js';
import { SCHEMAS } from '../core/schema/index.js';
import { parseYamlFast } from '../load/fileData.js';
import type { OpenedRepository } from '../load/open.js';
import { readAgain } from './readAgain.js';

/** @param at the commit the files were read at (--at): the ledgers to locate are read again from it, not the working tree */
export async function duplicateReceiptWarnings(repo: OpenedRepository, at: string | undefined): Promise<Problem[]> {
  if (!repo.org) return [];
  const hits: { receipt: ReceiptRecord; message: string }[] = [];
  // through the parse cache, only the chapters whose ledgers were found to possibly repeat a
  // receipt when parsed (the cache keeps the answer); read the plain way, the receipts are at hand
  const only = repo.mayRepeatChapters ? new Set(repo.mayRepeatChapters) : undefined;
  for (const chapter of repo.org.chapters) {
    if (only && !only.has(chapter.id)) continue;
    for (const d of likelyDuplicates(repo.org.receipts.of(chapter))) {
      const of = d.of;
      hits.push({
        receipt: d.receipt,
        message: `likely the same receipt as ${of.file}${of.index !== undefined ? ` item ${of.index + 1}` : ''} (${d.reason}: ${of.date}, ${formatMinor(of.minor, of.currency)} ${of.currency}${of.period ? ` for ${of.period}` : ''}); if it was recorded twice, delete one; if the member really paid twice, leave both`,
      });
    }
  }
  const texts = await readAgain(repo, at, new Set(hits.map((h) => h.receipt.file)));
  const located = new Map<string, ((index: number) => { line: number; column: number }) | undefined>();
  const warnings: Problem[] = [];
  for (const { receipt, message } of hits) {
    if (!located.has(receipt.file)) located.set(receipt.file, locator(receipt.file, texts.get(receipt.file)));
    const at = receipt.index ?? 0;
    const { line, column } = located.get(receipt.file)?.(at) ?? { line: 1, column: 1 };
    warnings.push({ file: receipt.file, line, column, path: formatPath(SCHEMAS.dues.root, [at]), message });
  }
  return warnings.sort(compareProblems);
}

function locator(path: string, text: Uint8Array | undefined) {
  if (!text) return undefined;
  // positions only: the ledger is valid (its receipts are in the organisation)
  const parsed = parseYamlFast(path, new TextDecoder().decode(text));
  return (index: number) => parsed.locate([index]);
}

