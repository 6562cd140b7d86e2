// Receipts of dues ledgers that came as sums (load/scope.ts LEDGERS_AS_SUMS) are read through
// the organisation's receipt source (core/model.ts ReceiptSource), which the loader provides:
// a chapter holds none of them, and a core function that reads them without the source meets
// an internal error instead of an empty ledger (which would print zero dues as a fact).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/core/layout.js';
import type { Organisation } from '../../src/core/model.js';
import { chapterArrears } from '../../src/core/dues/arrears.js';
import { balancesAt } from '../../src/core/dues/balances.js';
import { duesSummary, receiptsIn } from '../../src/core/dues/summary.js';
import { receivedInMonths } from '../../src/core/metrics/dues.js';
import type { Receipt } from '../../src/core/schema/dues.js';
import { readFileData } from '../../src/load/fileData.js';
import { type ValidFile, linkFiles, loadFromFiles } from '../../src/load/load.js';
import { openRepository } from '../../src/load/open.js';
import { ledgerSums } from '../../src/load/parseWorker.js';
import { LEDGERS_AS_SUMS } from '../../src/load/scope.js';
import { cleanupRepos, minimalOrg, tempRepo } from '../helpers/repo.js';

const files = minimalOrg({
  'chapters/london/dues/2012.yaml': [
    '- { date: 2012-05-25, member: ldn-b, amount: 4, currency: GBP, period: 2012-05 }',
    '- { date: 2012-04-02, member: ldn-a, amount: 3, currency: GBP, period: 2012-04 }',
    '- { date: 2012-05-10, member: ldn-a, amount: 3, currency: GBP, period: 2012-05 }',
    '',
  ].join('\n'),
  'chapters/london/dues/2013.yaml': '- { date: 2013-01-05, member: ldn-b, amount: 4.5, currency: USD }\n',
  'chapters/paris/chapter.yaml': 'name: Paris\ncountry: FR\n',
  'chapters/paris/members.yaml': '- { id: par-a, joined: 2012-02-01 }\n',
  'chapters/paris/dues/2012.yaml': '- { date: 2012-05-12, member: par-a, amount: 2, currency: EUR }\n',
});
const bytes = (text: string) => new TextEncoder().encode(text);
// a window whose last day cuts May in two: its sums alone cannot answer, so the receipts are read
const window = { from: '2012-01-01', to: '2012-05-15' };

let whole: Organisation;
let asSums: Organisation;

beforeAll(async () => {
  whole = loadFromFiles(Object.entries(files).map(([path, text]) => ({ path, bytes: bytes(text) }))).org!;
  const repo = tempRepo(files);
  asSums = (await openRepository({ data: repo.dir, cwd: repo.dir }, { scope: LEDGERS_AS_SUMS })).org!;
});
afterAll(cleanupRepos);

describe('receipts of ledgers that came as sums', () => {
  it('are not held by the chapter (no getter stands in for them) but read through the source, in the order of a whole load', () => {
    const london = asSums.chapterById.get('london')!;
    expect(london.receiptsLoaded).toBe(false);
    expect(Object.getOwnPropertyDescriptor(london, 'receipts')).toMatchObject({ value: [] });
    expect(whole.chapterById.get('london')!.receiptsLoaded).toBe(true);
    for (const id of ['london', 'paris']) expect(asSums.receipts.of(asSums.chapterById.get(id)!)).toEqual(whole.chapterById.get(id)!.receipts);
    expect(asSums.receipts.of(london).map((r) => r.date)).toEqual(['2012-04-02', '2012-05-10', '2012-05-25', '2013-01-05']);
  });

  it('give the core dues functions what a whole load gives them', () => {
    for (const org of [whole, asSums]) expect(org.receipts.of(org.chapterById.get('london')!).length).toBe(4);
    const same = <T>(f: (org: Organisation) => T) => expect(f(asSums)).toEqual(f(whole));
    same((org) => duesSummary(org, window, 'month'));
    same((org) => receiptsIn(org, window));
    same((org) => balancesAt(org, window.to));
    same((org) => receivedInMonths(org, window.to, ['2012-04', '2012-05']));
    same((org) => chapterArrears(org, org.chapterById.get('london')!, window, 3));
    expect(receivedInMonths(asSums, window.to, ['2012-05'])).toEqual({ totals: new Map([['GBP', 300], ['EUR', 200]]), count: 2 });
  });

  it('are an internal error, not an empty ledger, for a core function given no source', () => {
    // as the cached loader links them, without the loader's source: ledgers as their sums
    const valid: ValidFile[] = Object.entries(files).map(([path, text]) => {
      const c = classify(path);
      if (!('role' in c)) throw new Error(path);
      const data = readFileData(path, c.role, bytes(text)).data;
      return c.role.kind === 'dues' ? { path, role: c.role, data: [], sums: ledgerSums(data as Receipt[]) } : { path, role: c.role, data };
    });
    const bare = linkFiles(valid).org!;
    expect(bare.chapterById.get('london')!.receipts).toEqual([]);
    const internal = /^internal: the dues ledgers of chapter (london|paris) came as sums/;
    expect(() => duesSummary(bare, window, 'chapter')).toThrow(internal);
    expect(() => balancesAt(bare, window.to)).toThrow(internal);
    expect(() => receivedInMonths(bare, window.to, ['2012-05'])).toThrow(internal);
    expect(() => chapterArrears(bare, bare.chapterById.get('london')!, window, 3)).toThrow(internal);
    // sums answer whole months without the receipts
    expect(receivedInMonths(bare, '2012-05-31', ['2012-05']).count).toBe(3);
  });
});
