// iops dues import: a messy bank statement (BOM, semicolons, decimal commas with thousands
// dots, quoted fields with separators and quotes in them, CRLF, a line exported twice, a line
// that names nobody, money out) gives the expected receipts in one commit, and importing it
// again records nothing. Other layouts through chapter.yaml's bank_statement.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesImportCommand } from '../../src/commands/dues-import.js';
import { duesRecordCommand } from '../../src/commands/dues-record.js';
import { validateCommand } from '../../src/commands/validate.js';
import { dateFormatOf, statementAmount } from '../../src/core/dues/bankStatement.js';
import { DataError, UsageError } from '../../src/errors.js';
import { cleanupRepos, tempRepo, type TempRepo } from '../helpers/repo.js';
import { MONEY_ORG, ctxIn } from './fixture.js';

afterAll(cleanupRepos);

const MESSY =
  '\uFEFFBuchung;"Booking date";Details;"Paid in (GBP)";Balance\r\n' +
  '1;01/02/2013;"SO LDN-C dues 2013-02";"1.234,50";"2.000,00"\r\n' +
  '2;02/02/2013;"J Smith; ref ldn-d ""Feb""";12,75;"3.234,50"\r\n' +
  '2;02/02/2013;"J Smith; ref ldn-d ""Feb""";12,75;"3.234,50"\r\n' + // the bank exported this line twice
  '3;03/02/2013;"GIFT FROM A FRIEND";5,00;"3.239,50"\r\n' + // names nobody
  '4;14/02/2013;"Card payment stationery";-7,20;"3.232,30"\r\n' + // money out
  '5;15/02/2013;"dues ldn-e 2013-01";10;"3.242,30"\r\n';

let repo: TempRepo;
let file: string;
beforeAll(() => {
  repo = tempRepo(MONEY_ORG);
  file = join(repo.dir, 'statement.csv');
  writeFileSync(file, MESSY);
});
const ledger = () => readFileSync(join(repo.dir, 'chapters/london/dues/2013.yaml'), 'utf8');
const commits = () => Number(repo.git('rev-list', '--count', 'HEAD').trim());

describe('iops dues import', () => {
  it('a dry run prints what it would record and what it could not match, and changes nothing', async () => {
    const before = [ledger(), commits()];
    const r = await duesImportCommand(ctxIn(repo.dir), 'statement.csv', { chapter: 'london', currency: 'GBP', dryRun: true });
    expect(r.stdout).toBe(
      [
        'statement.csv: 6 lines for London',
        'to record: 3',
        '  line 2  2013-02-01  1234.50 GBP  ldn-c for 2013-02',
        '  line 3  2013-02-02  12.75 GBP  ldn-d',
        '  line 7  2013-02-15  10.00 GBP  ldn-e for 2013-01',
        'could not match to a member: 1 (record them with iops dues record once you know who paid)',
        '  line 5  2013-02-03  5.00 GBP  the reference names no member id',
        'left out: 2',
        '  line 4  2013-02-02  12.75 GBP  the same as line 3 (same member, day and amount)',
        '  line 6  2013-02-14  -7.20 GBP  money out, not a receipt',
        '',
      ].join('\n'),
    );
    expect(r.stdout).not.toMatch(/Smith|GIFT/); // the statement's text is never printed
    expect([ledger(), commits()]).toEqual(before);
  });

  it('records the receipts in one commit, keeping a fingerprint of each reference, never its text', async () => {
    const before = commits();
    const r = await duesImportCommand(ctxIn(repo.dir), 'statement.csv', { chapter: 'london', currency: 'GBP' });
    expect(r.exitCode).toBe(0);
    expect(commits()).toBe(before + 1);
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('London: import 3 receipts from a bank statement (2013-02-01 to 2013-02-15)');
    const added = ledger().split('\n').filter((l) => l.includes('bank-'));
    expect(added.map((l) => l.replace(/bank-[a-p]{16}/, 'bank-X'))).toEqual([
      '- { date: 2013-02-01, member: ldn-c, amount: 1234.5, currency: GBP, period: 2013-02, reference: bank-X }',
      '- { date: 2013-02-02, member: ldn-d, amount: 12.75, currency: GBP, reference: bank-X }',
      '- { date: 2013-02-15, member: ldn-e, amount: 10, currency: GBP, period: 2013-01, reference: bank-X }',
    ]);
    expect(ledger()).not.toMatch(/Smith|SO LDN/);
    expect((await validateCommand(ctxIn(repo.dir), {})).exitCode).toBe(0);
  });

  it('importing the same statement again records nothing new', async () => {
    const before = [ledger(), commits()];
    const r = await duesImportCommand(ctxIn(repo.dir), 'statement.csv', { chapter: 'london', currency: 'GBP' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('to record: none (nothing new)');
    expect(r.stdout).toContain('  line 2  2013-02-01  1234.50 GBP  already recorded (same member, period and amount): chapters/london/dues/2013.yaml item 3');
    expect(r.stderr).toBe('nothing was changed: every receipt of the statement is recorded already');
    expect([ledger(), commits()]).toEqual(before);
  });

  it('refuses, changing nothing, a statement with a line it cannot read, pointing at FILE:LINE:COL', async () => {
    writeFileSync(join(repo.dir, 'bad.csv'), 'Date,Reference,Amount\n2013-02-20,ldn-a,12.5\n2013-02-30,ldn-b,3\n2013-02-21,ldn-b,1.2.3\n');
    const err = await duesImportCommand(ctxIn(repo.dir), 'bad.csv', { chapter: 'london', currency: 'GBP' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toEqual([
      'bad.csv:3:1: "2013-02-30" is not a YYYY-MM-DD calendar date',
      'bad.csv:4:18: "1.2.3" groups its digits oddly',
    ]);
  });

  it('needs a currency, and a mapping for ambiguous dates or unknown columns; chapter.yaml bank_statement gives them', async () => {
    writeFileSync(join(repo.dir, 'other.csv'), 'Buchungstag\tVerwendungszweck\tBetrag\n03/04/2013\tldn-a Beitrag\t20\n');
    await expect(duesImportCommand(ctxIn(repo.dir), 'other.csv', { chapter: 'london', currency: 'GBP' })).rejects.toThrow(/has no date column .*bank_statement: \{ columns: \{ date: "…" \} \}/);
    const mapped = tempRepo({
      ...MONEY_ORG,
      'chapters/london/chapter.yaml':
        'name: London\ncountry: GB\nbranch: uk\ndues: { scheme: sliding-scale, bank_account: true }\n' +
        'bank_statement:\n  currency: GBP\n  columns: { date: Buchungstag, reference: Verwendungszweck, amount: Betrag }\n  date_format: MM/DD/YYYY\n',
    });
    writeFileSync(join(mapped.dir, 'other.csv'), 'Buchungstag\tVerwendungszweck\tBetrag\n03/04/2013\tldn-a Beitrag\t20\n');
    const r = await duesImportCommand(ctxIn(mapped.dir), 'other.csv', { chapter: 'london' });
    expect(r.stdout).toContain('  line 2  2013-03-04  20.00 GBP  ldn-a');
    writeFileSync(join(repo.dir, 'plain.csv'), 'Date,Reference,Amount\n03/04/2013,ldn-a,20\n');
    await expect(duesImportCommand(ctxIn(repo.dir), 'plain.csv', { chapter: 'london' })).rejects.toThrow(/no currency column/);
    await expect(duesImportCommand(ctxIn(repo.dir), 'plain.csv', { chapter: 'london', currency: 'GBP' })).rejects.toThrow(UsageError);
    await expect(duesImportCommand(ctxIn(repo.dir), 'plain.csv', { chapter: 'london', currency: 'GBP' })).rejects.toThrow(/could be day\/month or month\/day/);
  });
});

describe('statement amounts and dates', () => {
  it('reads either decimal separator and thousands separators, exactly', () => {
    const minor = (t: string, c = 'GBP', d?: '.' | ',') => {
      const r = statementAmount(t, c, d);
      return 'minor' in r ? r.minor : r.problem;
    };
    expect(['1.234,56', '1,234.56', '1234,56', '1234.56', '£1,234.56', '1 234,56', 'GBP 1234.56'].map((t) => minor(t))).toEqual(Array(7).fill(123456));
    expect([minor('1,234'), minor('1.234'), minor('12,5'), minor('0.10'), minor('(7.20)'), minor('7.20-'), minor('1,234', 'KWD')]).toEqual([123400, 123400, 1250, 10, -720, -720, 1234]);
    expect(minor('1,234', 'GBP', ',')).toMatch(/more decimals than GBP/);
    expect(minor('1.234,5', 'GBP', ',')).toBe(123450);
    expect(minor('1.234', 'GBP', '.')).toMatch(/more decimals than GBP/);
    expect(minor('12,34,56')).toMatch(/groups its digits oddly/);
    expect(minor('abc')).toMatch(/not an amount/);
  });

  it('tells day/month from month/day by a field over 12, else asks', () => {
    expect(dateFormatOf(['01/02/2013', '14/02/2013'], undefined)).toEqual({ format: 'DD/MM/YYYY' });
    expect(dateFormatOf(['02/01/2013', '02/14/2013'], undefined)).toEqual({ format: 'MM/DD/YYYY' });
    expect(dateFormatOf(['01.02.2013'], undefined)).toEqual({ format: 'DD.MM.YYYY' });
    expect(dateFormatOf(['01/02/2013'], undefined)).toHaveProperty('problem');
    expect(dateFormatOf(['01/02/2013'], 'MM/DD/YYYY')).toEqual({ format: 'MM/DD/YYYY' });
  });
});

// lds-m moved from Leeds to Manchester on 2012-06-15: their May dues are in Leeds's ledger;
// mcr-1 (always in Manchester) had July's dues recorded in Leeds's ledger by mistake.
describe('a receipt already recorded in another chapter\'s ledger', () => {
  const FILES = {
    'iops.yaml': 'organization: Test Org\ncurrency: USD\nprivacy: { min_group: 1 }\n',
    'chapters/leeds/chapter.yaml': 'name: Leeds\ncountry: GB\n',
    'chapters/leeds/members.yaml': '- { id: lds-1, joined: 2012-01-01 }\n',
    'chapters/leeds/dues/2012.yaml':
      '- { date: 2012-05-20, member: lds-m, amount: 7, currency: USD, period: 2012-05 }\n- { date: 2012-07-02, member: mcr-1, amount: 5, currency: USD, period: 2012-07 }\n',
    // a dues decision: chapter.yaml names it, so it is read with the members
    'chapters/manchester/chapter.yaml': 'name: Manchester\ncountry: GB\ndues: { scheme: sliding-scale, agreed: 2012-01-15, decision: manchester/2012-01-15-dues }\n',
    'chapters/manchester/meetings/2012-01-15.yaml': 'date: 2012-01-15\nmode: in-person\nattendance: 5\n',
    'chapters/manchester/decisions/2012-01-15-dues.yaml':
      'proposal: Dues on a sliding scale\nbody: { kind: chapter-meeting, chapter: manchester }\nmethod: consensus\nquorum: 3\nadopts: { kind: dues, chapter: manchester }\noutcome: { status: adopted, date: 2012-01-15, for: 5, against: 0, abstain: 0, blocks: 0 }\n',
    'chapters/manchester/members.yaml':
      '- { id: mcr-1, joined: 2012-01-01 }\n- id: lds-m\n  joined: 2012-02-10\n  dues: { amount: 7, currency: USD, every: month }\n  moved_from:\n    - { chapter: leeds, until: 2012-06-15 }\n',
    'chapters/manchester/dues/2012.yaml': '- { date: 2012-07-01, member: mcr-1, amount: 9, currency: USD, period: 2012-06 }\n',
  };
  const STATEMENT = 'Date,Reference,Amount\n20/05/2012,lds-m dues 2012-05,7.00\n02/07/2012,mcr-1 2012-07,5.00\n05/07/2012,lds-m 2012-07,7.00\n';

  it('dues import into the member\'s new chapter leaves it out, naming the ledger that holds it, and records the rest', async () => {
    const moved = tempRepo(FILES);
    writeFileSync(join(moved.dir, 'statement.csv'), STATEMENT);
    const r = await duesImportCommand(ctxIn(moved.dir), 'statement.csv', { chapter: 'manchester', currency: 'USD' });
    expect(r.stdout).toBe(
      [
        'statement.csv: 3 lines for Manchester',
        'to record: 1',
        '  line 4  2012-07-05  7.00 USD  lds-m for 2012-07',
        'left out: 2',
        '  line 2  2012-05-20  7.00 USD  already recorded (same member, period and amount): chapters/leeds/dues/2012.yaml item 1',
        '  line 3  2012-07-02  5.00 USD  already recorded (same member, period and amount): chapters/leeds/dues/2012.yaml item 2',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(moved.dir, 'chapters/manchester/dues/2012.yaml'), 'utf8').match(/member: lds-m/g)).toHaveLength(1);
    // and again: nothing new
    const again = await duesImportCommand(ctxIn(moved.dir), 'statement.csv', { chapter: 'manchester', currency: 'USD' });
    expect(again.stdout).toContain('to record: none (nothing new)');
  });

  it('finds it with the parse cache off too (the ledgers are then read from git, the decisions with them)', async () => {
    const moved = tempRepo(FILES);
    writeFileSync(join(moved.dir, 'statement.csv'), STATEMENT);
    process.env.IOPS_CACHE = 'off';
    try {
      const r = await duesImportCommand(ctxIn(moved.dir), 'statement.csv', { chapter: 'manchester', currency: 'USD', dryRun: true });
      expect(r.stdout).toContain('to record: 1\n');
      expect(r.stdout).toContain('  line 2  2012-05-20  7.00 USD  already recorded (same member, period and amount): chapters/leeds/dues/2012.yaml item 1');
    } finally {
      delete process.env.IOPS_CACHE;
    }
  });

  it('dues record refuses it too', async () => {
    const moved = tempRepo(FILES);
    const err = await duesRecordCommand(ctxIn(moved.dir), { member: 'lds-m', date: '2012-05-20', amount: '7', currency: 'USD', period: '2012-05' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/^this looks like a receipt already recorded \(same member, period and amount\): chapters\/leeds\/dues\/2012.yaml item 1, 2012-05-20/);
  });
});
