// The YAML editor keeps everything it does not change byte for byte, and quotes what YAML 1.1
// readers would misread.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YamlFile } from '../../src/app/changes/yamlEdit.js';
import { flow, scalar } from '../../src/app/changes/yamlText.js';

const chapter = `# yaml-language-server: $schema=../../.iops/schemas/chapter.schema.json
name: London        # the name people use
country: GB
dues:
  scheme: fixed     # agreed in March
  bank_account: false
# who speaks for us
founded: 2012-02-01
`;

describe('scalars', () => {
  it.each(['NO', 'yes', 'On', '12:30', '007', '1e3', '1_000', '-rf', 'a: b', 'x #y', ' lead', 'trail ', '', 'null', '~', '[x]', 'two  spaces'])('quotes %j', (s) => {
    expect(scalar(s).startsWith('"')).toBe(true);
    expect(parse(`v: ${scalar(s)}`, { version: '1.1' }).v).toBe(s);
    expect(parse(`v: ${scalar(s)}`).v).toBe(s);
  });
  it.each(['ldn-k7q2x', '25-34', 'under-25', 'London', 'IOPS UK', "it's fine", 'sliding-scale'])('writes %j plain', (s) => {
    expect(scalar(s)).toBe(s);
  });
  it('writes dates plain and numbers as numbers', () => {
    expect(scalar('2013-05-04')).toBe('2013-05-04');
    expect(flow({ amount: 12.5, bank: true, list: ['a', 'NO'] })).toBe('{ amount: 12.5, bank: true, list: [a, "NO"] }');
  });
});

describe('YamlFile', () => {
  it('sets a scalar in place, keeping its comment', () => {
    const out = new YamlFile(chapter).apply({ op: 'set', path: ['name'], value: 'Greater London' }).toString();
    expect(out).toBe(chapter.replace('name: London  ', 'name: Greater London  '));
  });
  it('adds a key at the end of a nested block map, and a new key at the end of the file', () => {
    const f = new YamlFile(chapter);
    f.apply({ op: 'set', path: ['dues', 'agreed'], value: '2012-09-15' });
    f.apply({ op: 'set', path: ['delegate'], value: 'ldn-a' });
    expect(f.toString()).toBe(chapter.replace('bank_account: false\n', 'bank_account: false\n  agreed: 2012-09-15\n') + 'delegate: ldn-a\n');
  });
  it('creates a missing parent map as a block', () => {
    const f = new YamlFile('name: X\ncountry: GB\n').apply({ op: 'set', path: ['dues', 'scheme'], value: 'fixed' });
    expect(f.toString()).toBe('name: X\ncountry: GB\ndues:\n  scheme: fixed\n');
  });
  it('appends to a block list of flow maps in flow style', () => {
    const ledger = '# c\n- { date: 2013-01-05, member: a, amount: 20, currency: GBP }   # first\n';
    const out = new YamlFile(ledger).apply({ op: 'append', path: [], items: [{ date: '2013-02-01', member: 'b', amount: 5, currency: 'GBP' }], style: 'block' }).toString();
    expect(out).toBe(`${ledger}- { date: 2013-02-01, member: b, amount: 5, currency: GBP }\n`);
  });
  it('appends block items to a members list without a final newline', () => {
    const members = '- id: a\n  joined: 2012-01-01';
    const out = new YamlFile(members).apply({ op: 'append', path: [], items: [{ id: 'b', joined: '2012-02-02', dues: { amount: 3, currency: 'GBP', every: 'month' } }], style: 'block', block: { nestedFlow: true } }).toString();
    expect(out).toBe('- id: a\n  joined: 2012-01-01\n- id: b\n  joined: 2012-02-02\n  dues: { amount: 3, currency: GBP, every: month }\n');
  });
  it('appends to a nested list, and creates a missing one', () => {
    const branch = 'name: IOPS UK\ncountry: GB\ngatherings:\n  - { date: 2013-04-20, kind: national, chapters: [a, b] }\n';
    const g = { date: '2013-05-01', kind: 'regional', chapters: ['a'] };
    expect(new YamlFile(branch).apply({ op: 'append', path: ['gatherings'], items: [g], style: 'flow' }).toString()).toBe(`${branch}  - { date: 2013-05-01, kind: regional, chapters: [a] }\n`);
    expect(new YamlFile('name: X\ncountry: GB\n').apply({ op: 'append', path: ['gatherings'], items: [g], style: 'flow' }).toString()).toBe(
      'name: X\ncountry: GB\ngatherings:\n  - { date: 2013-05-01, kind: regional, chapters: [a] }\n',
    );
  });
  it('sets a key inside a list item, in block and flow maps', () => {
    const members = '- id: a   # founder\n  joined: 2012-01-01\n- { id: b, joined: 2012-02-02 }\n';
    const f = new YamlFile(members).apply({ op: 'set', path: [0, 'left'], value: '2013-01-01' }).apply({ op: 'set', path: [1, 'left'], value: '2013-02-02' });
    expect(f.toString()).toBe('- id: a   # founder\n  joined: 2012-01-01\n  left: 2013-01-01\n- { id: b, joined: 2012-02-02, left: 2013-02-02 }\n');
  });
  it('removes a list item and a key', () => {
    const members = '# m\n- id: a\n  joined: 2012-01-01\n  age_band: 25-34\n- id: b\n  joined: 2012-02-02\n';
    const f = new YamlFile(members).apply({ op: 'remove', path: [1] }).apply({ op: 'remove', path: [0, 'age_band'] });
    expect(f.toString()).toBe('# m\n- id: a\n  joined: 2012-01-01\n');
  });
  it('replaces a pledge map with a word and back', () => {
    const m = '- id: a\n  joined: 2012-01-01\n  dues: { amount: 20, currency: GBP, every: month }  # pledged\n';
    const f = new YamlFile(m).apply({ op: 'set', path: [0, 'dues'], value: 'exempt' });
    expect(f.toString()).toBe('- id: a\n  joined: 2012-01-01\n  dues: exempt  # pledged\n');
    f.apply({ op: 'set', path: [0, 'dues'], value: { amount: 5, currency: 'EUR', every: 'month' }, block: { nestedFlow: true } });
    expect(f.toString()).toBe('- id: a\n  joined: 2012-01-01\n  dues: { amount: 5, currency: EUR, every: month }\n');
  });
  it('keeps CRLF files CRLF and falls back for a flow list at the top', () => {
    expect(new YamlFile('name: X\r\ncountry: GB\r\n').apply({ op: 'set', path: ['founded'], value: '2012-01-01' }).toString()).toBe('name: X\r\ncountry: GB\r\nfounded: 2012-01-01\r\n');
    const out = new YamlFile('[{ id: a, joined: 2012-01-01 }]\n').apply({ op: 'append', path: [], items: [{ id: 'NO', joined: '2012-01-02' }], style: 'block' }).toString();
    expect(parse(out, { version: '1.1' })).toEqual([{ id: 'a', joined: expect.anything() }, { id: 'NO', joined: expect.anything() }]);
  });
});

describe('appending to a ledger (one flow item a line)', () => {
  const ledger = `# yaml-language-server: $schema=../../.iops/schemas/dues.schema.json
- { date: 2013-01-05, member: ldn-jason, amount: 20, currency: GBP }   # by standing order
- { date: 2013-02-05, member: ldn-jason, amount: 20, currency: GBP }

# more next month
`;
  const receipt = { date: '2013-03-05', member: 'ldn-jason', amount: 20.5, currency: 'GBP', notes: 'NO' };
  it('adds a line after the last item, keeping comments and blank lines after it', () => {
    const out = new YamlFile(ledger).apply({ op: 'append', path: [], items: [receipt], style: 'flow' }).toString();
    expect(out).toBe(ledger.replace('GBP }\n\n', `GBP }\n- { date: 2013-03-05, member: ldn-jason, amount: 20.5, currency: GBP, notes: "NO" }\n\n`));
    expect(parse(out)).toEqual([...parse(ledger), receipt]);
  });
  it('writes a ledger whose last item is a block map the way its items are written', () => {
    const block = `- date: 2013-01-05\n  member: ldn-jason\n  amount: 20\n  currency: GBP\n`;
    const out = new YamlFile(block).apply({ op: 'append', path: [], items: [receipt], style: 'flow' }).toString();
    expect(parse(out)).toEqual([...parse(block), receipt]);
    expect(out.startsWith(block)).toBe(true);
    expect(out.slice(block.length)).toMatch(/^- date: 2013-03-05\n {2}member: ldn-jason\n/);
  });
  it('appends a member to a members list after its last item, as a block with nested flow, keeping what follows it', () => {
    const members = '# London\n- id: ldn-a\n  joined: 2012-03-10\n  studied: [values]\n- id: ldn-b   # the treasurer\n  joined: 2012-04-01\n  dues: { amount: 5, currency: GBP, every: month }\n\n# more to come\n';
    const member = { id: 'ldn-c', joined: '2013-01-01', gender: 'woman', studied: ['vision', 'values'], dues: { amount: 1, currency: 'GBP', every: 'month' } };
    const out = new YamlFile(members).apply({ op: 'append', path: [], items: [member], style: 'block', block: { nestedFlow: true } }).toString();
    expect(out).toBe(members.replace('month }\n\n', 'month }\n- id: ldn-c\n  joined: 2013-01-01\n  gender: woman\n  studied: [vision, values]\n  dues: { amount: 1, currency: GBP, every: month }\n\n'));
    expect(parse(out)).toEqual([...parse(members), member].map((m) => ({ ...m, joined: expect.anything() })));
  });
  it("starts a new year's ledger (its schema line alone) and a new members list after their comments, as the yaml Document did", () => {
    const fresh = '# yaml-language-server: $schema=../../.iops/schemas/dues.schema.json\n\n';
    const out = new YamlFile(fresh).apply({ op: 'append', path: [], items: [receipt, { ...receipt, date: '2013-03-06' }], style: 'flow' }).toString();
    expect(out).toBe(`${fresh}- { date: 2013-03-05, member: ldn-jason, amount: 20.5, currency: GBP, notes: "NO" }\n- { date: 2013-03-06, member: ldn-jason, amount: 20.5, currency: GBP, notes: "NO" }\n`);
    expect(parse(out)).toEqual([receipt, { ...receipt, date: '2013-03-06' }]);
    const member = { id: 'ldn-c', joined: '2013-01-01', dues: { amount: 1, currency: 'GBP', every: 'month' } };
    const members = new YamlFile('# London\n').apply({ op: 'append', path: [], items: [member], style: 'block', block: { nestedFlow: true } }).toString();
    expect(members).toBe('# London\n- id: ldn-c\n  joined: 2013-01-01\n  dues: { amount: 1, currency: GBP, every: month }\n');
  });
  it('appends to a ledger the fast reader declines (an anchor) through the yaml Document all the same', () => {
    const odd = `- &r { date: 2013-01-05, member: ldn-jason, amount: 20, currency: GBP }\n`;
    const out = new YamlFile(odd).apply({ op: 'append', path: [], items: [receipt], style: 'flow' }).toString();
    expect(parse(out)).toEqual([...parse(odd), receipt]);
  });
});
