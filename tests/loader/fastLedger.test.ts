// plainLedger (core/schema/dues.ts) answers for zod on the ledgers iops writes, to save a third
// of a cold load: it must give exactly what LedgerSchema gives, or decline and let zod decide.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerSchema, plainLedger } from '../../src/core/schema/dues.js';
import { validateData } from '../../src/core/schema/index.js';
import { DECLINED, fastParseYaml } from '../../src/load/fastYaml.js';

const GOOD = { date: '2024-02-29', member: 'ldn-k7q2', amount: 12.5, currency: 'GBP' };

/** Receipts zod accepts, in every shape a ledger may hold. */
const VALID: object[] = [
  GOOD,
  { ...GOOD, period: '2024-02' },
  { ...GOOD, reference: 'STO 4411 / feb', notes: 'paid twice?\nsee the statement' },
  { notes: 'keys in another order', currency: 'JPY', amount: 1500, member: 'a', period: '2023-12', date: '2024-01-02' },
  { ...GOOD, currency: 'KWD', amount: 0.125 },
  { ...GOOD, amount: 1_000_000_000 },
  { ...GOOD, reference: 'x'.repeat(140), notes: '' },
  { ...GOOD, member: `a${'-'.repeat(62)}` },
];

/** Receipts zod refuses, one check each. */
const INVALID: unknown[] = [
  null,
  'a receipt',
  [GOOD],
  { ...GOOD, extra: 1 },
  { ...GOOD, date: '2023-02-29' },
  { ...GOOD, date: '2024-2-01' },
  { ...GOOD, date: 20240201 },
  { ...GOOD, member: 'Ldn-k7q2' },
  { ...GOOD, member: '-ldn' },
  { ...GOOD, member: `a${'b'.repeat(63)}` },
  { ...GOOD, member: '../etc' },
  { ...GOOD, amount: 0 },
  { ...GOOD, amount: -5 },
  { ...GOOD, amount: 1_000_000_001 },
  { ...GOOD, amount: Number.POSITIVE_INFINITY },
  { ...GOOD, amount: Number.NaN },
  { ...GOOD, amount: '12.50' },
  { ...GOOD, amount: 12.505 },
  { ...GOOD, currency: 'JPY', amount: 1.5 },
  { ...GOOD, currency: 'ZZZ' },
  { ...GOOD, currency: 'gbp' },
  { ...GOOD, period: '2024-13' },
  { ...GOOD, period: '2024-02-01' },
  { ...GOOD, period: null },
  { ...GOOD, reference: 'x'.repeat(141) },
  { ...GOOD, reference: 'two\nlines' },
  { ...GOOD, reference: '' },
  { ...GOOD, notes: 7 },
  { date: GOOD.date, member: GOOD.member, amount: GOOD.amount },
  JSON.parse('{"date":"2024-02-29","member":"ldn-k7q2","amount":1,"currency":"GBP","__proto__":{"x":1}}'),
];

/** Receipts no YAML reader gives, which zod accepts: left to zod. */
const UNUSUAL: object[] = [{ ...GOOD, period: undefined }, Object.assign(Object.create(null), GOOD)];

describe('plainLedger, the fast check of a dues ledger', () => {
  it('gives what zod gives for every valid receipt, keys in the schema order', () => {
    for (const r of VALID) {
      const zod = LedgerSchema.parse([r, GOOD]);
      const plain = plainLedger([r, GOOD]);
      expect(plain, JSON.stringify(r)).toEqual(zod);
      expect(JSON.stringify(plain)).toBe(JSON.stringify(zod));
      expect(plain![0]).not.toBe(r);
    }
  });

  it('declines every receipt zod refuses, wherever it is in the ledger', () => {
    for (const r of INVALID) {
      expect(LedgerSchema.safeParse([GOOD, r]).success, JSON.stringify(r)).toBe(false);
      expect(plainLedger([GOOD, r]), JSON.stringify(r)).toBeUndefined();
      expect(plainLedger([r]), JSON.stringify(r)).toBeUndefined();
    }
    expect(plainLedger({ 0: GOOD })).toBeUndefined();
  });

  it('leaves to zod what no YAML reader gives', () => {
    for (const r of UNUSUAL) {
      expect(LedgerSchema.safeParse([r]).success).toBe(true);
      expect(plainLedger([r])).toBeUndefined();
      expect(validateData('dues', 'chapters/x/dues/2024.yaml', [r]).data).toEqual(LedgerSchema.parse([r]));
    }
  });

  it('leaves the problems of an invalid ledger to zod, located as before', () => {
    const r = validateData('dues', 'chapters/x/dues/2024.yaml', [GOOD, { ...GOOD, amount: 12.505 }]);
    expect(r.data).toBeUndefined();
    expect(r.problems).toEqual([{ file: 'chapters/x/dues/2024.yaml', at: [1, 'amount'], message: '12.505 has more decimals than GBP allows (at most 2)' }]);
  });

  it('answers for every ledger of the sample organisation, as zod does', () => {
    const chapters = join(import.meta.dirname, '../../data/chapters');
    let ledgers = 0;
    for (const chapter of readdirSync(chapters)) {
      let years: string[] = [];
      try {
        years = readdirSync(join(chapters, chapter, 'dues'));
      } catch {
        continue;
      }
      for (const year of years) {
        const value = fastParseYaml(readFileSync(join(chapters, chapter, 'dues', year), 'utf8'));
        expect(value).not.toBe(DECLINED);
        const plain = plainLedger(value);
        expect(plain).toBeDefined();
        expect(JSON.stringify(plain)).toBe(JSON.stringify(LedgerSchema.parse(value)));
        ledgers++;
      }
    }
    expect(ledgers).toBeGreaterThan(5);
  });
});

describe('mayRepeat, whether validate reads a ledger again for duplicates', () => {
  it('says yes exactly when likelyDuplicates finds one or a receipt pays for another year', async () => {
    const { mayRepeat } = await import('../../src/load/parseWorker.js');
    const { likelyDuplicates } = await import('../../src/core/dues/duplicates.js');
    const { toMinor } = await import('../../src/core/money.js');
    const minor = (amount: number, currency: string) => toMinor(amount, currency)!;
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    const answers = new Set<boolean>();
    for (let n = 0; n < 400; n++) {
      const ledger = Array.from({ length: pick([1, 2, 3, 5, 8]) }, () => ({
        date: pick(['2024-01-05', '2024-01-06', '2024-02-05']),
        member: pick(['a', 'b', 'c']),
        amount: pick([5, 10]),
        currency: pick(['GBP', 'EUR']),
        ...pick([{}, { period: '2024-01' }, { period: '2024-02' }, { period: pick(['2023-12', '2024-01']) }]),
        ...pick([{}, {}, { reference: pick(['STO 1', 'sto 1 ', 'STO 2']) }]),
      }));
      const expected =
        ledger.some((r) => 'period' in r && r.period!.slice(0, 4) !== r.date.slice(0, 4)) ||
        likelyDuplicates(ledger.map((r) => ({ ...r, minor: minor(r.amount, r.currency) }))).length > 0;
      expect(mayRepeat(ledger, minor), JSON.stringify(ledger)).toBe(expected);
      answers.add(expected);
    }
    expect([...answers].sort()).toEqual([false, true]);
  });
});
