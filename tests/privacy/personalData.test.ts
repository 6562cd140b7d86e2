// The personal-data heuristics: what they catch, and that they stay quiet on iops's own data.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHoldsPersonalData, luhnValid, personalDataInId, personalDataInText } from '../../src/core/privacy/personalData.js';

const kinds = (text: string) => personalDataInText(text).map((h) => `${h.kind}: ${h.match}`);

describe('ids', () => {
  it('refuses phone numbers, names with a birth year and spelled-out e-mail addresses (issue 13)', () => {
    expect(personalDataInId('447700900123')?.kind).toBe('phone number');
    expect(personalDataInId('ldn-07700-900-123')?.kind).toBe('phone number');
    expect(personalDataInId('jane-smith-1985')?.kind).toBe('name with a year of birth');
    expect(personalDataInId('ldn-jane1985')?.kind).toBe('name with a year of birth');
    expect(personalDataInId('jane-at-example-dot-org')?.kind).toBe('e-mail address');
  });

  it('accepts random handles, the spec examples and every id of the sample', () => {
    for (const id of ['ldn-k7q2x', 'ldn-jason', 'ldn-1985', 'ams-2ck9', 'm-23456']) expect(personalDataInId(id), id).toBeUndefined();
    const root = resolve(__dirname, '../../data/chapters');
    for (const chapter of readdirSync(root)) {
      const text = readFileSync(join(root, chapter, 'members.yaml'), 'utf8');
      for (const [, id] of text.matchAll(/id: ([a-z0-9-]+)/g)) expect(personalDataInId(id!), id).toBeUndefined();
    }
  });
});

describe('free text', () => {
  it('finds e-mail addresses, phone numbers and card numbers (issue 13)', () => {
    expect(kinds('write to jane.smith@example.org after')).toEqual(['e-mail address: jane.smith@example.org']);
    expect(kinds('call +44 7700 900123 or 07700-900-123')).toEqual(['phone number: +44 7700 900123', 'phone number: 07700-900-123']);
    expect(kinds('paid with 4111 1111 1111 1111')).toEqual(['card number: 4111 1111 1111 1111']);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('reads an address as far as a real one can reach: 64 characters before the @, labels of 63', () => {
    // so a long run of letters is searched once, not once from each of its letters (64 KB of
    // notes took 2.5 s a scan, twice a write)
    expect(kinds(`${'x'.repeat(100)}@example.org`)).toEqual([`e-mail address: ${'x'.repeat(64)}@example.org`]);
    expect(kinds(`${'x'.repeat(65_536)} and a@b`)).toEqual([]);
    expect(kinds(`to ${'a.'.repeat(40)}b@${'c'.repeat(63)}.org`)).toEqual([`e-mail address: ${`${'a.'.repeat(40)}b`.slice(-64)}@${'c'.repeat(63)}.org`]);
  });

  it('stays quiet on dates, amounts, counts and ids', () => {
    expect(kinds('met 2013-02-05 to 2013-03-01; 12 came; raised 1,234.56 GBP; see ldn-k7q2x; 3 of 13')).toEqual([]);
    expect(kinds('receipt 123456')).toEqual([]);
  });

  it('stays quiet on every note and report of the sample', () => {
    const root = resolve(__dirname, '../../data/chapters');
    for (const chapter of readdirSync(root)) {
      for (const sub of ['meetings', 'reports']) {
        let files: string[] = [];
        try {
          files = readdirSync(join(root, chapter, sub));
        } catch {
          continue;
        }
        for (const f of files) expect(kinds(readFileSync(join(root, chapter, sub, f), 'utf8')), `${chapter}/${sub}/${f}`).toEqual([]);
      }
    }
  });
});

describe('a meeting file, from its JSON text', () => {
  it('answers as from its data (the parse workers pass the text they already made)', () => {
    const base = { date: '2024-03-01', mode: 'in-person', topics: [], studied: [], joint_with: [], projects: [] };
    const meetings = [
      base,
      { ...base, attendance: 12 },
      { ...base, attendance: 447700900123 }, // a count that reads as a phone number
      { ...base, attendance: 1e21 },
      { ...base, attendees: ['ldn-a', 'ldn-b'] },
      { ...base, attendance: 3, notes: 'call 07700 900123' },
      { ...base, notes: 'write to jo@example.org' },
      { ...base, notes: 'room 12, 2nd floor', projects: [{ name: 'card 4111 1111 1111 1111', status: 'planned' }] },
    ];
    const answers = meetings.map((m) => fileHoldsPersonalData('meeting', m));
    expect(answers).toEqual([false, false, true, false, false, true, true, true]);
    expect(meetings.map((m) => fileHoldsPersonalData('meeting', m, JSON.stringify(m)))).toEqual(answers);
  });
});
