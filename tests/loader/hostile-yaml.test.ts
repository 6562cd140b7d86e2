// Hostile and malformed YAML, through the built CLI on real files in real git repositories:
// every case exits 1 with the problem at FILE:LINE:COL, never a crash.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos } from '../helpers/repo.js';
import { expectNoCrash, expectProblem, orgRepo, validate } from './support.js';

afterAll(cleanupRepos);

const CHAPTER = 'chapters/london/chapter.yaml';
const MEMBERS = 'chapters/london/members.yaml';

describe('malformed YAML', () => {
  it('points at the quote left open, not at the end of the file', async () => {
    const r = await validate(orgRepo({ [MEMBERS]: '- id: ldn-a\n  joined: 2012-03-10\n  gender: "woman\n- id: ldn-b\n  joined: 2012-04-01\n' }));
    expectProblem(r, `${MEMBERS}:3:11`, 'quoted value is not closed; add the closing "');
    expect(r.problems).toHaveLength(1);
  });

  it('points at the bracket left open', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\nfounded: [2012-02-01\nbranch: uk\n' }));
    expectProblem(r, `${CHAPTER}:3:10`, 'this [ is not closed; add the closing ]');
  });

  it('reports a line without a colon', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry GB\n' }));
    expectProblem(r, `${CHAPTER}:2:1`, /malformed YAML: .*write `key: value`/);
  });

  it('reports tabs used for indentation', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\ndues:\n\tscheme: fixed\n' }));
    expectProblem(r, `${CHAPTER}:4:1`, 'tabs cannot indent YAML; use spaces');
  });

  it('reports a second document in one file', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\n---\nname: Paris\n' }));
    expectProblem(r, `${CHAPTER}:3:1`, 'more than one YAML document');
  });
});

describe('merge conflicts', () => {
  it('reports every unresolved conflict marker line', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\n<<<<<<< HEAD\ncountry: GB\n=======\ncountry: FR\n>>>>>>> other-branch\n' }));
    for (const line of [2, 4, 6]) expectProblem(r, `${CHAPTER}:${line}:1`, 'unresolved merge conflict');
    expect(r.problems).toHaveLength(3);
  });

  it('reports diff3-style markers on CRLF lines too', async () => {
    const text = 'name: London\n<<<<<<< ours\ncountry: GB\n||||||| base\ncountry: DE\n=======\ncountry: FR\n>>>>>>> theirs\n'.replace(/\n/g, '\r\n');
    const r = await validate(orgRepo({ [CHAPTER]: text }));
    for (const line of [2, 4, 6, 8]) expectProblem(r, `${CHAPTER}:${line}:1`, 'unresolved merge conflict');
    expect(r.problems).toHaveLength(4);
  });

  it('reports conflict markers in the body of a report, but not a heading underlined with =======', async () => {
    const report = '---\ndate: 2012-09-01\ntitle: September\n---\nNews\n=======\n<<<<<<< HEAD\nWe met.\n>>>>>>> other\n';
    const r = await validate(orgRepo({ 'chapters/london/reports/2012-09-01.md': report }));
    expectProblem(r, 'chapters/london/reports/2012-09-01.md:7:1', 'unresolved merge conflict');
    expectProblem(r, 'chapters/london/reports/2012-09-01.md:9:1', 'unresolved merge conflict');
    expect(r.problems).toHaveLength(2);
  });
});

describe('anchors, aliases and merge keys', () => {
  it('rejects an anchor and an alias, each where it is written', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: &n London\ncountry: GB\ndelegate: *n\n' }));
    expectProblem(r, `${CHAPTER}:1:7`, 'anchors (&n) are not allowed');
    expectProblem(r, `${CHAPTER}:3:11`, 'aliases (*n) are not allowed');
  });

  it('reports an alias bomb as a handful of problems, without expanding it', async () => {
    // expanded, it would be 9^9 (387 million) nodes: the command would run out of memory first
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'] as const) lol.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const repo = orgRepo({ [CHAPTER]: `${lol.join('\n')}\n` });
    const r = await validate(repo);
    expectProblem(r, `${CHAPTER}:1:1`, '81 anchors and aliases in this file (the first 5 are listed)');
    expectProblem(r, `${CHAPTER}:1:4`, 'anchors (&a) are not allowed');
    expect(r.problems.length).toBeLessThanOrEqual(6);
  });

  it('rejects a merge key', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\n<<: { founded: 2012-01-01 }\n' }));
    expectProblem(r, `${CHAPTER}:3:1`, 'merge keys (<<) are not allowed');
  });

  it('rejects a tag', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: !!binary R0I=\n' }));
    expectProblem(r, `${CHAPTER}:2:10`, 'tags (!!binary) are not allowed');
  });
});

describe('keys', () => {
  it('names a duplicate key in full', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\nname: Paris\n' }));
    expectProblem(r, `${CHAPTER}:3:1`, 'duplicate key `name`: each key may appear only once here; keep one');
  });

  it('rejects __proto__ and constructor keys', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n' }));
    expectProblem(r, `${CHAPTER}:3:1`, 'the key `__proto__` is not allowed');
    expectProblem(r, `${CHAPTER}:4:1`, 'the key `constructor` is not allowed');
  });

  it('hints at the key meant: delgate → delegate', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\ndelgate: ldn-a\n' }));
    expectProblem(r, `${CHAPTER}:3:1`, 'delgate: unknown key `delgate`; did you mean `delegate`?');
  });

  it('says which key is missing, at the record that lacks it', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\ndues:\n  bank_account: true\n' }));
    expectProblem(r, `${CHAPTER}:4:3`, 'dues: missing `scheme`; add `scheme: …`');
  });
});

describe('values of the wrong kind', () => {
  it('shows a number where text is required as it was typed: id: 007', async () => {
    const r = await validate(orgRepo({ [MEMBERS]: '- id: 007\n  joined: 2012-03-10\n' }));
    expectProblem(r, `${MEMBERS}:1:7`, 'members[0].id: expected an id, found 007 (read as the number 7); put it in quotes if it is meant as text');
  });

  it('rejects a date that is not on the calendar: 2013-02-30', async () => {
    const r = await validate(orgRepo({ [MEMBERS]: '- id: ldn-a\n  joined: 2012-03-10\n  gender: woman\n- id: ldn-b\n  joined: 2013-02-30\n' }));
    expectProblem(r, `${MEMBERS}:5:11`, 'members[1].joined: "2013-02-30" is not a calendar date (write YYYY-MM-DD)');
  });

  it.each(['yes', 'NO'])('rejects bank_account: %s (YAML 1.2 reads it as text)', async (word) => {
    const r = await validate(orgRepo({ [CHAPTER]: `name: London\ncountry: GB\ndues:\n  scheme: fixed\n  bank_account: ${word}\n` }));
    expectProblem(r, `${CHAPTER}:5:17`, `dues.bank_account: expected true or false, found text "${word}"; write true or false`);
  });

  it('reads NO where text is expected as the text NO (Norway), not false', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: Oslo\ncountry: NO\n' }));
    expectNoCrash(r);
    expect(r.code, r.stdout).toBe(0);
  });

  it('rejects ids with a slash, two dots or a leading dash', async () => {
    const r = await validate(orgRepo({ [MEMBERS]: '- id: a/b\n  joined: 2012-03-10\n- id: ..\n  joined: 2012-03-10\n- id: -x\n  joined: 2012-03-10\n' }));
    expectProblem(r, `${MEMBERS}:1:7`, 'members[0].id: "a/b" is not a valid id');
    expectProblem(r, `${MEMBERS}:3:7`, 'members[1].id: ".." is not a valid id');
    expectProblem(r, `${MEMBERS}:5:7`, 'members[2].id: "-x" is not a valid id');
  });

  it('rejects ids with a path in references too', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\ncountry: GB\nbranch: ../uk\ndelegate: -ldn-a\n' }));
    expectProblem(r, `${CHAPTER}:3:9`, 'branch: "../uk" is not a valid id');
    expectProblem(r, `${CHAPTER}:4:11`, 'delegate: "-ldn-a" is not a valid id');
  });
});

describe('files of the wrong shape', () => {
  it('reports an empty file', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: '' }));
    expectProblem(r, `${CHAPTER}:1:1`, 'the file is empty; it should hold a map');
  });

  it('reports a file of comments only as empty', async () => {
    const r = await validate(orgRepo({ [MEMBERS]: '# nobody yet\n' }));
    expectProblem(r, `${MEMBERS}:1:1`, 'members: the file is empty; it should hold a list');
  });

  it('reports a members.yaml that is a map', async () => {
    const r = await validate(orgRepo({ [MEMBERS]: 'id: ldn-a\njoined: 2012-03-10\n' }));
    expectProblem(r, `${MEMBERS}:1:1`, 'members: expected a list of members');
  });

  it('reports an iops.yaml that is a list', async () => {
    const r = await validate(orgRepo({ 'iops.yaml': '- organization: Test Org\n- currency: USD\n' }));
    expectProblem(r, 'iops.yaml:1:1', 'expected a map (key: value lines), found a list');
  });
});

describe('BOM and CRLF line endings', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');

  it('accepts files with a BOM and CRLF line endings', async () => {
    const repo = orgRepo({
      'iops.yaml': `\uFEFF${crlf('organization: Test Org\ncurrency: USD\nkey_documents: [values]\n')}`,
      [CHAPTER]: `\uFEFF${crlf('name: London\ncountry: GB\n')}`,
      [MEMBERS]: `\uFEFF${crlf('- id: ldn-a\n  joined: 2012-03-10\n')}`,
      'chapters/london/reports/2012-09-01.md': `\uFEFF${crlf('---\ndate: 2012-09-01\ntitle: September\n---\nWe met.\n')}`,
    });
    const r = await validate(repo);
    expectNoCrash(r);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^valid: 1 chapter, .*1 member record, .*1 report\b/);
  });

  it('refuses old Mac line endings (a carriage return alone) rather than misplace every line', async () => {
    const r = await validate(orgRepo({ [CHAPTER]: 'name: London\rcountry: GB\r' }));
    expectProblem(r, `${CHAPTER}:1:13`, 'a line ends in a carriage return alone (old Mac line endings); save the file with LF or CRLF line endings');
  });

  it('keeps line and column right after a BOM and CRLF', async () => {
    const r = await validate(orgRepo({ [MEMBERS]: `\uFEFF${crlf('- id: ldn-a\n  joined: 2012-03-10\n- id: ldn-b\n  joined: 2013-02-30\n')}` }));
    expectProblem(r, `${MEMBERS}:4:11`, 'members[1].joined: "2013-02-30" is not a calendar date');
    const report = await validate(orgRepo({ 'chapters/london/reports/2012-09-01.md': `\uFEFF${crlf('---\ndate: 2012-09-01\ntitl: September\n---\n')}` }));
    expectProblem(report, 'chapters/london/reports/2012-09-01.md:3:1', 'unknown key `titl`; did you mean `title`?');
  });
});
