// decision propose / decision record: a new file decisions/<date>-<slug>.yaml (or in a chapter's
// folder), then its outcome written into it. The counts are checked against the method and the
// quorum with the same rules as validate (core/checks/decisions.ts), before anything is written.
import { bodyProblem, countProblems } from '../../core/checks/decisions.js';
import type { DecisionRecord, Organisation } from '../../core/model.js';
import { bodyName } from '../../core/governance/decisions.js';
import { paths } from '../../core/paths.js';
import { closest } from '../../core/problem.js';
import { DECISION_METHODS, DECISION_STATUSES, MEETING_REF_PATTERN, type Adopts, type DecisionBody } from '../../core/schema/decision.js';
import { oneOf } from '../../core/schema/common.js';
import { UsageError } from '../../errors.js';
import type { Plan } from '../transaction.js';
import { compact, existingFile, newMapFile } from './files.js';
import { branchOf, chapterOf, count, date, freeText, id, parsed, personalDataAllowed } from './values.js';

export interface ProposeInput {
  body: string;
  date: string;
  method: string;
  text: string;
  quorum?: string | undefined;
  adopts?: string | undefined;
  meeting?: string | undefined;
  allowPersonalData?: string | undefined;
}

export interface RecordInput {
  outcome: string;
  date?: string | undefined;
  for?: string | undefined;
  against?: string | undefined;
  abstain?: string | undefined;
  blocks?: string | undefined;
}

/** `icc`, `branch:uk`, `chapter:london` → who decides. */
function body(org: Organisation, raw: string): DecisionBody {
  if (raw === 'icc') return { kind: 'icc' };
  const [kind, target] = raw.split(':');
  if (kind === 'branch' && target !== undefined) return { kind: 'branch-assembly', branch: branchOf(org, target).id };
  if (kind === 'chapter' && target !== undefined) return { kind: 'chapter-meeting', chapter: chapterOf(org, target).id };
  throw new UsageError(`--body: expected icc, branch:<branch-id> or chapter:<chapter-id>, found ${JSON.stringify(raw)}`);
}

/** `goals`, `dues:london`, `branch:uk` → what the decision adopts. */
function adopts(org: Organisation, raw: string): Adopts {
  if (raw === 'goals') return { kind: 'goals' };
  const [kind, target] = raw.split(':');
  if (kind === 'dues' && target !== undefined) return { kind: 'dues', chapter: chapterOf(org, target).id };
  if (kind === 'branch' && target !== undefined) return { kind: 'branch-founding', branch: branchOf(org, target).id };
  throw new UsageError(`--adopts: expected goals, dues:<chapter-id> or branch:<branch-id>, found ${JSON.stringify(raw)}`);
}

export const decisionPropose = (slug: string, input: ProposeInput): Plan => (s) => {
  const day = date('--date', input.date);
  const who = body(s.org, input.body);
  const name = `${day}-${id('SLUG', slug)}`;
  if (name.length > 63) throw new UsageError('SLUG: too long; a decision file name (date and slug) is at most 63 characters');
  const chapter = who.kind === 'chapter-meeting' ? who.chapter : undefined;
  const decisionId = chapter ? `${chapter}/${name}` : name;
  const path = paths.decision(decisionId);
  const taken = s.org.decisionById.get(decisionId);
  if (taken) throw new UsageError(`decision ${decisionId} already exists (${taken.file}); choose another slug`);
  let meeting: string | undefined;
  if (input.meeting !== undefined) {
    if (!MEETING_REF_PATTERN.test(input.meeting)) throw new UsageError(`--meeting: expected <chapter>/<date>, such as london/2012-09-15, found ${JSON.stringify(input.meeting)}`);
    const [c, name] = input.meeting.split('/') as [string, string];
    chapterOf(s.org, c);
    if (s.text(`chapters/${c}/meetings/${name}.yaml`) === undefined) throw new UsageError(`--meeting: no meeting chapters/${c}/meetings/${name}.yaml; log it first (iops meeting log ${c} --date …)`);
    meeting = input.meeting;
  }
  const value = compact({
    proposal: freeText('--text', input.text, input.allowPersonalData),
    body: who,
    meeting,
    method: parsed('--method', oneOf(DECISION_METHODS, 'a decision method'), input.method),
    quorum: input.quorum !== undefined ? positive('--quorum', input.quorum) : undefined,
    adopts: input.adopts !== undefined ? adopts(s.org, input.adopts) : undefined,
    outcome: { status: 'proposed' },
  });
  if (!value.proposal?.trim()) throw new UsageError('--text: say what is proposed');
  // the rule validate applies (core/checks/decisions.ts), said in the flags' terms
  const unfit = bodyProblem(s.org, value);
  if (unfit)
    throw new UsageError(
      `--body: ${unfit
        .replace(/`body: \{ kind: icc \}`/g, '--body icc')
        .replace(/`body: \{ kind: branch-assembly, branch: ([a-z0-9-]+) \}`/g, '--body branch:$1')
        .replace(/record the decision in chapters\/([a-z0-9-]+)\/decisions\//, 'propose it with --body chapter:$1')
        .replace(/`adopts`/g, '--adopts')}`,
    );
  return {
    command: 'decision propose',
    subject: `${bodyName(s.org, who)}: propose ${decisionId} (${value.method}${value.quorum ? `, quorum ${value.quorum}` : ''})${personalDataAllowed(input.allowPersonalData)}`,
    entities: [`decision/${decisionId}`, ...(chapter ? [`chapter/${chapter}`] : [])],
    writes: [{ path, text: newMapFile(path, 'decision', value, { nestedFlow: true }) }],
  };
};

export const decisionRecord = (decisionId: string, input: RecordInput): Plan => (s) => {
  const d = decisionOf(s.org, decisionId);
  const status = parsed('--outcome', oneOf(DECISION_STATUSES, 'an outcome'), input.outcome);
  if (status === 'proposed') throw new UsageError('--outcome: a proposal is recorded with decision propose; give adopted, rejected or withdrawn');
  if (d.outcome.status !== 'proposed') throw new UsageError(`decision ${d.id} is already ${d.outcome.status}; a decided proposal is not decided again: propose a new one`);
  const outcome = compact({
    status,
    date: input.date !== undefined ? date('--date', input.date) : undefined,
    for: input.for !== undefined ? count('--for', input.for) : undefined,
    against: input.against !== undefined ? count('--against', input.against) : undefined,
    abstain: input.abstain !== undefined ? count('--abstain', input.abstain) : undefined,
    blocks: input.blocks !== undefined ? count('--blocks', input.blocks) : undefined,
  });
  if (outcome.date === undefined) throw new UsageError('--date: give the day it was decided (YYYY-MM-DD)');
  const problems = countProblems({ ...d, outcome });
  if (problems.length) throw new UsageError(problems.map((p) => p.message.replace(/`(\w+)`/g, '--$1').replace(/\bthe counts are\b/, 'the counts given are')).join('\n'));
  const file = existingFile(s, d.file).apply({ op: 'set', path: ['outcome'], value: outcome });
  const counted = status === 'withdrawn' ? '' : ` (for ${outcome.for}, against ${outcome.against}, abstain ${outcome.abstain}${outcome.blocks !== undefined ? `, blocks ${outcome.blocks}` : ''})`;
  return {
    command: 'decision record',
    subject: `${bodyName(s.org, d.body)}: ${d.id} ${status} on ${outcome.date}${counted}`,
    entities: [`decision/${d.id}`, ...(d.chapter ? [`chapter/${d.chapter}`] : [])],
    writes: [{ path: d.file, text: file.toString() }],
  };
};

function positive(flag: string, raw: string): number {
  const n = count(flag, raw);
  if (n < 1) throw new UsageError(`${flag}: a quorum is at least 1 participant`);
  return n;
}

export function decisionOf(org: Organisation, raw: string): DecisionRecord {
  const d = org.decisionById.get(raw);
  if (d) return d;
  const hint = closest(raw, org.decisionById.keys());
  throw new UsageError(`no decision ${JSON.stringify(raw)}${hint ? `; did you mean ${hint}?` : ''} (iops decisions lists them)`);
}
