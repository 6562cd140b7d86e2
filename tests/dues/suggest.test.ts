// Dues schemes: what `iops dues suggest` says under each, day-wage from iops.yaml's minimum
// wages, and the schema rules for minimum_wages and fixed dues.
import { afterAll, describe, expect, it } from 'vitest';
import { loadFromFiles } from '../../src/load/load.js';
import { duesSuggestCommand } from '../../src/commands/dues.js';
import { EXEMPTION, suggestDues } from '../../src/core/dues/suggest.js';
import { formatProblem } from '../../src/core/problem.js';
import { orgFrom } from '../helpers/org.js';
import { cleanupRepos, tempRepo } from '../helpers/repo.js';
import { MONEY_ORG, SETTINGS, ctxIn } from './fixture.js';

afterAll(cleanupRepos);

const org = orgFrom(MONEY_ORG);

describe('suggestions per scheme', () => {
  it('day-wage: a day of the minimum wage in the chapter\'s country, a month', () => {
    const s = suggestDues(org, 'bri-a')!;
    expect(s.scheme).toBe('day-wage');
    expect(s.monthly).toEqual({ minor: 5240, currency: 'GBP' });
    expect(s.monthlyInReportingCurrency).toEqual({ minor: 8279, currency: 'USD' }); // 52.40 × 1.58 = 82.792
    expect(s.exemption).toBe(EXEMPTION);
  });

  it('day-wage without a minimum wage for the country fails validate, located, saying what to add (reproduction 6)', () => {
    const entries = Object.entries({ ...MONEY_ORG, 'chapters/dublin/chapter.yaml': 'name: Dublin\ncountry: IE\ndues: { scheme: day-wage }\n' });
    const { org: none, problems } = loadFromFiles(entries.map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })));
    expect(none).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^chapters\/dublin\/chapter\.yaml:3:\d+: dues\.scheme: the day-wage scheme needs a day's minimum wage in IE: add it to iops\.yaml under minimum_wages, as IE: \{ amount: <a day's wage>, currency: USD \}, or choose another scheme$/),
    ]);
  });

  it('the sliding scale is suggested in the chapter\'s currency, converted exactly at the rate (reproduction 6)', async () => {
    const s = suggestDues(org, 'ldn-a')!;
    // 1, 5, 10, 20, 50, 100 USD ÷ 1.58: 0.6329… 3.1645… 6.3291… 12.658… 31.645… 63.291… GBP, half away from zero
    expect(s.localScale).toEqual([63, 316, 633, 1266, 3165, 6329].map((minor) => ({ minor, currency: 'GBP' })));
    expect(s.rate).toBe('1 GBP = 1.58 USD');
    expect(s.explanation).toContain('from 0.63 to 63.29 GBP a month (1 to 100 USD at 1 GBP = 1.58 USD)');
    // a chapter paying in the reporting currency sees it unconverted; Cork has no receipts or pledges: USD
    expect(suggestDues(org, 'nyc-a')!.rate).toBeNull();
    expect(suggestDues(org, 'cork-a')!.localScale!.map((m) => `${m.minor} ${m.currency}`)).toEqual(['100 USD', '500 USD', '1000 USD', '2000 USD', '5000 USD', '10000 USD']);
    const repo = tempRepo(MONEY_ORG);
    const text = (await duesSuggestCommand(ctxIn(repo.dir), { member: 'ldn-a' })).stdout;
    expect(text).toContain('Suggested steps, a month (converted at 1 GBP = 1.58 USD, rounded to the nearest 0.01 GBP):\n   0.63 GBP  for no regular income, or very little (1 USD)\n');
    expect(text).not.toMatch(/^ +\d+ USD/m);
    const json = JSON.parse((await duesSuggestCommand(ctxIn(repo.dir), { member: 'ldn-a', format: 'json' })).stdout);
    expect(json.scale[5]).toEqual({ band: 'high', income: 'a high income', amount: 63.29, currency: 'GBP', every: 'month', in_reporting_currency: { amount: 100, currency: 'USD' } });
  });

  it('fixed: the chapter\'s amount; in the reporting currency there is nothing to convert', () => {
    const s = suggestDues(org, 'nyc-a')!;
    expect(s.monthly).toEqual({ minor: 1000, currency: 'USD' });
    expect(s.monthlyInReportingCurrency).toBeNull();
  });

  it('sliding-scale (and no scheme) give the scale, $1 to $100 a month; voluntary names no amount', () => {
    expect(suggestDues(org, 'ldn-a')!.scale!.map((s) => s.monthly)).toEqual([1, 5, 10, 20, 50, 100]);
    expect(suggestDues(org, 'cork-a')!.scheme).toBeNull();
    expect(suggestDues(org, 'cork-a')!.scale).not.toBeNull();
    expect(suggestDues(org, 'ber-a')!.monthly).toBeNull();
    expect(suggestDues(org, 'nobody')).toBeUndefined();
  });

  it('prints the same for an exempt member as for a paying one, exemption always said', async () => {
    const repo = tempRepo(MONEY_ORG);
    const exempt = await duesSuggestCommand(ctxIn(repo.dir), { member: 'bri-b' });
    const paying = await duesSuggestCommand(ctxIn(repo.dir), { member: 'bri-a' });
    expect(exempt.stdout.replace('bri-b', 'bri-a')).toBe(paying.stdout);
    expect(paying.stdout).toContain('Suggested: 52.40 GBP a month (about 82.79 USD).');
    expect(paying.stdout).toContain('Anyone who cannot pay can be exempt');
    const json = JSON.parse((await duesSuggestCommand(ctxIn(repo.dir), { member: 'bri-b', format: 'json' })).stdout);
    expect(json.suggested).toEqual({ amount: 52.4, currency: 'GBP', every: 'month' });
    expect(JSON.stringify(json)).not.toMatch(/"exempt"|pledge/);
    await expect(duesSuggestCommand(ctxIn(repo.dir), { member: 'ghost' })).rejects.toThrow('no member "ghost"');
  });
});

describe('schema: minimum_wages and fixed dues', () => {
  const problems = (files: Record<string, string>) => {
    const entries = Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
    return loadFromFiles(entries).problems.map(formatProblem);
  };
  const BASE = { 'chapters/x/chapter.yaml': 'name: X\ncountry: GB\n', 'chapters/x/members.yaml': '- { id: x-a, joined: 2012-01-01 }\n' };

  it('checks country codes, currencies and amounts that fit the currency', () => {
    const settings = SETTINGS.replace(/minimum_wages:[\s\S]*$/, 'minimum_wages:\n  XX: { amount: 5, currency: GBP }\n  GB: { amount: 52.405, currency: GBP }\n  US: { amount: 58, currency: USX }\n  DE: { amount: 70 }\n  FR: { amount: 80, currency: EUR, every: day }\n');
    const found = problems({ ...BASE, 'iops.yaml': settings });
    expect(found.join('\n')).toMatch(/iops\.yaml:\d+:\d+: minimum_wages\.XX: "XX" is not an ISO 3166-1 alpha-2 country code/);
    expect(found.join('\n')).toMatch(/minimum_wages\.GB\.amount: 52\.405 has more decimals than GBP allows \(at most 2\)/);
    expect(found.join('\n')).toMatch(/minimum_wages\.US\.currency: "USX" is not an ISO 4217 currency code/);
    expect(found.join('\n')).toMatch(/minimum_wages\.DE: missing `currency`/);
    expect(found.join('\n')).toMatch(/minimum_wages\.FR\.every: unknown key `every`/);
    expect(found).toHaveLength(5);
  });

  it('scheme fixed needs amount and currency; they belong to fixed only', () => {
    const chapter = (dues: string) => problems({ ...BASE, 'iops.yaml': SETTINGS, 'chapters/x/chapter.yaml': `name: X\ncountry: GB\ndues: ${dues}\n` });
    expect(chapter('{ scheme: fixed }')).toEqual([expect.stringMatching(/chapter\.yaml:3:\d+: dues\.scheme: scheme fixed needs `amount`/)]);
    expect(chapter('{ scheme: fixed, amount: 10 }')).toEqual([expect.stringMatching(/dues\.amount: scheme fixed needs `currency`/)]);
    expect(chapter('{ scheme: fixed, amount: 10.005, currency: GBP }')).toEqual([expect.stringMatching(/dues\.amount: 10\.005 has more decimals than GBP allows/)]);
    expect(chapter('{ scheme: sliding-scale, amount: 10, currency: GBP }')).toHaveLength(2);
    expect(chapter('{ scheme: fixed, amount: 10, currency: GBP }')).toEqual([]);
    expect(chapter('{ scheme: fixed, amount: 1000, currency: JPY }')).toEqual([]);
  });
});
