// Decisions as records: the schema, where the files live, and the checks that counts fit the
// method and the quorum, through the real loading pipeline (parse, schema, link, checks).
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from '../../src/load/load.js';
import { formatProblem } from '../../src/core/problem.js';
import { minimalOrg } from '../helpers/repo.js';

const ICC = 'decisions/2012-05-20-goals.yaml';
const DUES = 'chapters/london/decisions/2012-09-15-dues.yaml';

function problems(files: Record<string, string>): string[] {
  const all = minimalOrg({ 'branches/uk.yaml': 'name: IOPS UK\ncountry: GB\n', 'chapters/london/meetings/2012-09-15.yaml': 'date: 2012-09-15\nmode: in-person\nattendance: 8\n', ...files });
  const { problems } = loadFromFiles(Object.entries(all).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })));
  return problems.map(formatProblem);
}

const decision = (outcome: string, extra = 'method: majority\n', body = 'body: { kind: icc }\n') =>
  `proposal: Adopt the goal set for the founding convention\n${body}${extra}adopts: { kind: goals }\noutcome: ${outcome}\n`;

describe('decision files', () => {
  it('a valid ICC decision and a chapter dues decision named by the chapter load into the organisation', () => {
    const all = minimalOrg({
      [ICC]: decision('{ status: adopted, date: 2012-06-01, for: 14, against: 3, abstain: 1 }', 'method: two-thirds\nquorum: 12\n'),
      [DUES]: 'proposal: Sliding-scale dues\nbody: { kind: chapter-meeting, chapter: london }\nmeeting: london/2012-09-15\nmethod: consensus\nadopts: { kind: dues, chapter: london }\noutcome: { status: adopted, date: 2012-09-15, for: 8, against: 0, abstain: 0, blocks: 0 }\n',
      'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ndues: { scheme: sliding-scale, decision: london/2012-09-15-dues }\n',
      'chapters/london/meetings/2012-09-15.yaml': 'date: 2012-09-15\nmode: in-person\nattendance: 8\n',
    });
    const { org, problems } = loadFromFiles(Object.entries(all).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(org!.decisions.map((d) => [d.id, d.date, d.chapter, d.outcome.status])).toEqual([
      ['2012-05-20-goals', '2012-05-20', undefined, 'adopted'],
      ['london/2012-09-15-dues', '2012-09-15', 'london', 'adopted'],
    ]);
  });

  it.each([
    ['decisions/2012-05-20.yaml', 'decision files are named <YYYY-MM-DD>-<slug>.yaml'],
    ['decisions/2012-02-30-goals.yaml', 'is not a calendar date'],
    ['decisions/uk/2012-05-20-x.yaml', 'decisions/ holds one file per decision'],
    ['chapters/london/decisions/2012-05-20-Dues.yaml', 'is not a valid id'],
  ])('refuses the file name %s', (path, message) => {
    expect(problems({ [path]: decision('{ status: proposed }') }).join('\n')).toContain(message);
  });

  it('points at unknown keys and methods with a hint', () => {
    expect(problems({ [ICC]: decision('{ status: proposed }', 'method: majorty\nquorom: 3\n') })).toEqual([
      `${ICC}:3:9: method: expected a decision method: one of consensus, majority, two-thirds; found text "majorty"`,
      `${ICC}:4:1: quorom: unknown key \`quorom\`; did you mean \`quorum\`?`,
    ]);
  });
});

describe('outcomes fit the method and the quorum', () => {
  it.each([
    ['consensus adopted with a block', 'method: consensus\n', '{ status: adopted, date: 2012-06-01, for: 12, against: 0, abstain: 1, blocks: 1 }', '5:88: outcome.blocks: adopted by consensus: no blocks, and someone for, but the counts are for 12, against 0, blocks 1'],
    ['majority adopted without more for than against', 'method: majority\n', '{ status: adopted, date: 2012-06-01, for: 5, against: 5, abstain: 0 }', '5:52: outcome.for: adopted by a majority: more for than against, but the counts are for 5, against 5'],
    ['two-thirds adopted short of two thirds', 'method: two-thirds\n', '{ status: adopted, date: 2012-06-01, for: 6, against: 4, abstain: 0 }', 'outcome.for: adopted by two-thirds: for at least two thirds of for and against'],
    ['majority rejected although it passed', 'method: majority\n', '{ status: rejected, date: 2012-06-01, for: 6, against: 4, abstain: 0 }', 'outcome.for: rejected, but for 6 against 4 passes by a majority'],
    ['below the quorum', 'method: majority\nquorum: 10\n', '{ status: adopted, date: 2012-06-01, for: 6, against: 1, abstain: 1 }', 'outcome.for: 8 took part (for, against, abstain and blocks), fewer than the quorum of 10'],
    ['blocks under majority', 'method: majority\n', '{ status: adopted, date: 2012-06-01, for: 6, against: 1, abstain: 0, blocks: 1 }', 'outcome.blocks: blocks count only under consensus'],
    ['a decision without its date', 'method: majority\n', '{ status: adopted, for: 6, against: 1, abstain: 0 }', 'outcome.status: an outcome adopted needs its `date`'],
    ['a decision before its proposal', 'method: majority\n', '{ status: adopted, date: 2012-05-01, for: 6, against: 1, abstain: 0 }', 'outcome.date: decided 2012-05-01, before it was proposed (2012-05-20'],
    ['a decision without its counts', 'method: majority\n', '{ status: rejected, date: 2012-06-01, for: 2 }', 'outcome.status: an outcome rejected needs the counts `against`, `abstain`'],
    ['counts on a proposal', 'method: majority\n', '{ status: proposed, for: 2 }', 'outcome.for: a proposal not yet decided has no `for`'],
    ['counts on a withdrawn proposal', 'method: majority\n', '{ status: withdrawn, date: 2012-06-01, for: 3, blocks: 1 }', '5:54: outcome.for: a withdrawn proposal is not counted; leave out `for`, `blocks`'],
  ])('%s', (_, method, outcome, message) => {
    const found = problems({ [ICC]: decision(outcome, method) });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    expect(found[0]!.startsWith(`${ICC}:`)).toBe(true);
  });

  it('exactly two thirds adopts, a withdrawn proposal needs no counts', () => {
    expect(problems({ [ICC]: decision('{ status: adopted, date: 2012-06-01, for: 8, against: 4, abstain: 0 }', 'method: two-thirds\nquorum: 12\n') })).toEqual([]);
    expect(problems({ [ICC]: decision('{ status: withdrawn, date: 2012-06-01 }') })).toEqual([]);
  });
});

describe('what a decision names exists', () => {
  const adopted = '{ status: adopted, date: 2012-09-15, for: 8, against: 0, abstain: 0 }';
  it.each([
    ['the branch of an assembly', { 'decisions/2012-09-01-found.yaml': decision(adopted, 'method: consensus\n', 'body: { kind: branch-assembly, branch: ukk }\n').replace('{ kind: goals }', '{ kind: branch-founding, branch: uk }') }, 'decisions/2012-09-01-found.yaml:2:40: body.branch: no branch "ukk"; did you mean "uk"?'],
    ['the linked meeting', { [ICC]: decision(adopted, 'meeting: london/2012-09-16\nmethod: consensus\n') }, `${ICC}:3:10: meeting: no meeting chapters/london/meetings/2012-09-16.yaml`],
    ['the chapter whose dues it adopts', { [ICC]: decision(adopted, 'method: consensus\n').replace('{ kind: goals }', '{ kind: dues, chapter: paris }') }, `${ICC}:4:32: adopts.chapter: no chapter "paris"`],
    ['a chapter meeting in its own folder', { [ICC]: decision(adopted, 'method: consensus\n', 'body: { kind: chapter-meeting, chapter: london }\n').replace('{ kind: goals }', '{ kind: dues, chapter: london }') }, `${ICC}:2:7: body: a chapter meeting's decision lives in its folder: move it to chapters/london/decisions/`],
    ['the decision behind a dues scheme', { 'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ndues: { scheme: voluntary, decision: london/2012-09-15-duse }\n', [DUES]: decision(adopted, 'method: consensus\n', 'body: { kind: chapter-meeting, chapter: london }\n').replace('{ kind: goals }', '{ kind: dues, chapter: london }') }, 'chapters/london/chapter.yaml:3:38: dues.decision: no decision "london/2012-09-15-duse"; did you mean "london/2012-09-15-dues"?'],
    ['that the dues decision adopts this chapter\'s dues', { 'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ndues: { scheme: voluntary, decision: 2012-05-20-goals }\n', [ICC]: decision(adopted, 'method: consensus\n') }, 'dues.decision: decision 2012-05-20-goals does not adopt this chapter\'s dues'],
    ['that the dues decision was adopted', { 'chapters/london/chapter.yaml': 'name: London\ncountry: GB\ndues: { scheme: voluntary, decision: london/2012-09-15-dues }\n', [DUES]: decision('{ status: proposed }', 'method: consensus\n', 'body: { kind: chapter-meeting, chapter: london }\n').replace('{ kind: goals }', '{ kind: dues, chapter: london }') }, 'dues.decision: decision london/2012-09-15-dues is proposed, not adopted'],
    ['the decision adopting the goals', { 'goals.yaml': 'convention: C\ndeadline: 2013-08-31\nadopted_by: 2012-05-20-goal\ngoals: []\n', [ICC]: decision(adopted, 'method: consensus\n') }, 'goals.yaml:3:13: adopted_by: no decision "2012-05-20-goal"; did you mean "2012-05-20-goals"?'],
  ])('checks %s', (_, files, message) => {
    const found = problems(files);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });
});

describe('who may adopt what', () => {
  const adopted = '{ status: adopted, date: 2012-09-15, for: 8, against: 0, abstain: 0 }';
  const FOUND = 'decisions/2012-09-01-found.yaml';
  const adopting = (body: string, adopts: string) => decision(adopted, 'method: majority\n', `body: ${body}\n`).replace('{ kind: goals }', adopts);
  const found = (body: string) => adopting(body, '{ kind: branch-founding, branch: uk }');
  it.each([
    ['the goal set by a branch assembly', { [ICC]: adopting('{ kind: branch-assembly, branch: uk }', '{ kind: goals }') }, `${ICC}:2:7: body: the goal set is the whole organisation's: only the ICC adopts it, not a branch assembly (IOPS UK assembly); make the ICC the body`],
    ['the goal set by a chapter meeting', { [DUES]: adopting('{ kind: chapter-meeting, chapter: london }', '{ kind: goals }') }, `${DUES}:2:7: body: the goal set is the whole organisation's: only the ICC adopts it, not a chapter meeting (London)`],
    ['a founding by another branch', { [FOUND]: found('{ kind: branch-assembly, branch: de }'), 'branches/de.yaml': 'name: IOPS Germany\ncountry: DE\n' }, `${FOUND}:2:7: body: a branch is founded by its own assembly or by the ICC, not by the IOPS Germany assembly; write \`body: { kind: branch-assembly, branch: uk }\``],
    ['a founding by a chapter meeting', { 'chapters/london/decisions/2012-09-01-found.yaml': found('{ kind: chapter-meeting, chapter: london }') }, 'body: a branch is founded by its own assembly or by the ICC, not by a chapter meeting (London)'],
    ['another chapter\'s dues', { 'chapters/london/decisions/2012-09-01-dues.yaml': adopting('{ kind: chapter-meeting, chapter: london }', '{ kind: dues, chapter: leeds }'), 'chapters/leeds/chapter.yaml': 'name: Leeds\ncountry: GB\n' }, 'body: a chapter meeting adopts its own chapter\'s dues: London cannot adopt the dues of leeds'],
  ])('refuses %s, at the body', (_, files, message) => {
    const all = problems(files);
    expect(all).toHaveLength(1);
    expect(all[0]).toContain(message);
  });

  it('lets the ICC adopt anything, and a branch assembly found its own branch', () => {
    expect(problems({ [FOUND]: found('{ kind: branch-assembly, branch: uk }'), 'decisions/2012-09-02-found.yaml': found('{ kind: icc }'), [ICC]: adopting('{ kind: icc }', '{ kind: goals }') })).toEqual([]);
  });
});

describe('personal data in a proposal', () => {
  it('is found by the scan validate warns from, in both kinds of decision file', async () => {
    const { filesWithPersonalData, personalDataInFile } = await import('../../src/core/privacy/personalData.js');
    const text = 'proposal: "Write to jo.bloggs@example.org"\nbody: { kind: icc }\nmethod: majority\noutcome: { status: proposed }\n';
    const all = minimalOrg({ [ICC]: text });
    const { org } = loadFromFiles(Object.entries(all).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) })));
    expect([...filesWithPersonalData(org!)]).toEqual([ICC]);
    expect(personalDataInFile(ICC, text).map((w) => [w.line, w.column])).toEqual([[1, 21]]);
    expect(personalDataInFile(DUES, text)).toHaveLength(1);
  });
});

describe('hostile decision files', () => {
  it('refuses a __proto__ key where it is, and pollutes nothing', () => {
    expect(problems({ [ICC]: decision('{ status: proposed }', 'method: majority\n__proto__: { polluted: true }\n') })).toEqual([`${ICC}:4:1: the key \`__proto__\` is not allowed; remove it`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a huge count and a path-like meeting link, each at its place', () => {
    const found = problems({ [ICC]: decision('{ status: adopted, date: 2012-06-01, for: 1e400, against: 0, abstain: 0 }', 'method: majority\nmeeting: ../../etc/passwd\n') }).join('\n');
    expect(found).toMatch(/:4:10: meeting: expected a meeting/);
    expect(found).toMatch(/:6:52: outcome\.for: expected a whole number, found 1e400 \(read as the number Infinity\)/);
  });
});
