// The sample's decisions: the ICC adopting the goal set (two-thirds, June 2011), the ICC
// adopting the May 2012 revision that counts online meetings (majority), and every chapter's
// dues scheme adopted by consensus at a chapter meeting on the day it was agreed. Pure.
// docs/governance.md. Hooks: generate.ts (files, chapter.yaml, goals.yaml) and
// app/init/sampleHistory.ts (what each month's files say).
import { paths, schemaComment } from '../core/paths.js';
import type { ChapterSpec } from './catalogue.js';
import type { Member } from './members.js';
import { rngFor } from './random.js';
import { file, q } from './yaml.js';

export const GOAL_SET_DECISION = '2011-05-21-goal-set';
export const GOAL_REVISION_DECISION = '2012-05-05-count-online-meetings';

interface Decided {
  id: string;
  chapter?: string;
  proposal: string;
  body: string;
  method: 'consensus' | 'majority' | 'two-thirds';
  quorum?: number;
  adopts: string;
  decided: string;
  counts: [number, number, number, number?];
}

function decisionYaml(d: Decided): string {
  const path = paths.decision(d.id);
  const [yes, no, abstain, blocks] = d.counts;
  const outcome = `{ status: adopted, date: ${d.decided}, for: ${yes}, against: ${no}, abstain: ${abstain}${blocks !== undefined ? `, blocks: ${blocks}` : ''} }`;
  return file([
    schemaComment(path, 'decision'),
    `proposal: ${q(d.proposal)}`,
    `body: ${d.body}`,
    `method: ${d.method}`,
    ...(d.quorum !== undefined ? [`quorum: ${d.quorum}`] : []),
    `adopts: ${d.adopts}`,
    `outcome: ${outcome}`,
  ]);
}

const ICC: Decided[] = [
  { id: GOAL_SET_DECISION, proposal: 'Adopt the goal set for the founding convention: 5,000 members, 100 functioning chapters, 40% women, 5 national branches with a gathering, 10 chapters collecting dues, by 2013-08-31', body: '{ kind: icc }', method: 'two-thirds', quorum: 12, adopts: '{ kind: goals }', decided: '2011-06-04', counts: [14, 2, 1] },
  { id: GOAL_REVISION_DECISION, proposal: 'Count online meetings toward a functioning chapter: many chapters meet online between in-person meetings (pull request #1)', body: '{ kind: icc }', method: 'majority', quorum: 12, adopts: '{ kind: goals }', decided: '2012-05-12', counts: [11, 4, 2] },
];

/** A chapter's dues decision id: the day it agreed on dues. */
export const duesDecisionId = (ch: ChapterSpec): string | undefined => (ch.dues ? `${ch.id}/${ch.dues.agreed}-dues` : undefined);

function duesDecision(ch: ChapterSpec, members: readonly Member[]): Decided {
  const day = ch.dues!.agreed;
  const present = members.filter((m) => m.joined <= day && (m.left === undefined || m.left > day)).length;
  const rng = rngFor(`${ch.id}:dues-decision`);
  const taking = Math.max(3, Math.min(present, Math.round(present * rng.float(0.3, 0.5))));
  const abstain = taking > 4 ? rng.int(0, 1) : 0;
  const scheme = ch.dues!.scheme === 'sliding-scale' ? 'Sliding-scale dues, from 1 to 100 dollars a month (or the same in local money), exempt for those who cannot pay' : ch.dues!.scheme === 'voluntary' ? 'Voluntary dues: members give what they choose' : 'No dues for now';
  return { id: duesDecisionId(ch)!, chapter: ch.id, proposal: scheme, body: `{ kind: chapter-meeting, chapter: ${ch.id} }`, method: 'consensus', quorum: 3, adopts: `{ kind: dues, chapter: ${ch.id} }`, decided: day, counts: [taking - abstain, 0, abstain, 0] };
}

export interface GovernanceFile {
  path: string;
  content: string;
  date: string;
}

/** The decision files: the ICC's two, and each chapter's dues decision. */
export function governanceFiles(chapters: readonly ChapterSpec[], membersOf: (chapter: string) => readonly Member[]): GovernanceFile[] {
  const all = [...ICC, ...chapters.filter((ch) => ch.dues).map((ch) => duesDecision(ch, membersOf(ch.id)))];
  return all.map((d) => ({ path: paths.decision(d.id), content: decisionYaml(d), date: d.decided }));
}

/** goals.yaml names the decision that adopted it, after the deadline line. */
export const withAdoption = (goals: string, decision = GOAL_REVISION_DECISION): string =>
  goals.replace(/^(deadline: .*\n)/m, `$1adopted_by: ${decision}    # the decision that adopted this goal set (iops decisions)\n`);

/** The first goal set, before the May 2012 revision: adopted by the first decision. */
export const firstGoalSet = (goals: string): string => goals.replace(`adopted_by: ${GOAL_REVISION_DECISION}`, `adopted_by: ${GOAL_SET_DECISION}`.padEnd(`adopted_by: ${GOAL_REVISION_DECISION}`.length));

/** A chapter.yaml as it was on `asOf`: its dues decision named only once the chapter took it. */
export const chapterAt = (content: string, asOf: string): string =>
  content.replace(/^ {2}decision: [a-z0-9-]+\/(\d{4}-\d{2}-\d{2})-dues\n/m, (line, day: string) => (day <= asOf ? line : ''));
