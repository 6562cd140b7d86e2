// Decisions agree with the organisation: the body that decided exists (a branch, a chapter),
// a chapter's decision lives in its folder, a linked meeting exists, what it adopts exists, and
// the counts fit the method and the quorum. A chapter's dues scheme and the goal set point at
// decisions that adopted them. docs/governance.md.
import type { DecisionRecord, Organisation } from '../model.js';
import { type UnlocatedProblem, closest } from '../problem.js';
import { quote } from '../schema/common.js';
import { bodyName } from '../governance/decisions.js';

export interface DecisionCheckOptions {
  /** Whether every meeting was loaded (a part of the repository may leave them out: load/scope.ts). */
  meetings?: boolean;
}

export function checkDecisions(org: Organisation, focus?: ReadonlySet<string>, opts: DecisionCheckOptions = {}): UnlocatedProblem[] {
  const out: UnlocatedProblem[] = [];
  const inFocus = (file: string) => !focus || focus.has(file);
  const unknown = (what: string, id: string, known: Iterable<string>) => {
    const hint = closest(id, known);
    return `no ${what} ${quote(id)}${hint ? `; did you mean "${hint}"?` : `; check the spelling, or add the ${what} first`}`;
  };
  for (const d of org.decisions) {
    const first = org.decisionById.get(d.id)!;
    if (first !== d && (inFocus(d.file) || inFocus(first.file)))
      out.push({ file: d.file, at: [], message: `decision id "${d.id}" is already used by ${first.file}; decision ids are unique across the organisation: rename one of the files` });
    if (!inFocus(d.file)) continue;
    checkPlace(org, d, out, unknown);
    if (d.meeting !== undefined && opts.meetings !== false) {
      const [chapter, name] = d.meeting.split('/') as [string, string];
      const c = org.chapterById.get(chapter);
      const file = `chapters/${chapter}/meetings/${name}.yaml`;
      if (!c) out.push({ file: d.file, at: ['meeting'], message: unknown('chapter', chapter, org.chapterById.keys()) });
      else if (!c.ownMeetings.some((m) => m.file === file)) out.push({ file: d.file, at: ['meeting'], message: `no meeting ${file}; log it first (iops meeting log ${chapter} --date …), or fix the link` });
    }
    if (d.adopts?.kind === 'dues' && !org.chapterById.has(d.adopts.chapter)) out.push({ file: d.file, at: ['adopts', 'chapter'], message: unknown('chapter', d.adopts.chapter, org.chapterById.keys()) });
    if (d.adopts?.kind === 'branch-founding' && !org.branchById.has(d.adopts.branch)) out.push({ file: d.file, at: ['adopts', 'branch'], message: unknown('branch', d.adopts.branch, org.branchById.keys()) });
    const unfit = bodyProblem(org, d);
    if (unfit) out.push({ file: d.file, at: ['body'], message: unfit });
    for (const p of countProblems(d)) out.push({ file: d.file, ...p });
  }
  for (const c of org.chapters) {
    const id = c.dues?.decision;
    if (id === undefined || !inFocus(c.file)) continue;
    const d = org.decisionById.get(id);
    const at = ['dues', 'decision'];
    if (!d) out.push({ file: c.file, at, message: unknown('decision', id, org.decisionById.keys()) });
    else if (d.adopts?.kind !== 'dues' || d.adopts.chapter !== c.id) out.push({ file: c.file, at, message: `decision ${id} does not adopt this chapter's dues (it needs \`adopts: { kind: dues, chapter: ${c.id} }\`); name the decision that does` });
    else if (d.outcome.status !== 'adopted') out.push({ file: c.file, at, message: `decision ${id} is ${d.outcome.status}, not adopted; record its outcome first (iops decision record ${id} --outcome adopted …)` });
  }
  const goalsBy = org.goals?.adopted_by;
  if (goalsBy !== undefined && inFocus('goals.yaml')) {
    const d = org.decisionById.get(goalsBy);
    if (!d) out.push({ file: 'goals.yaml', at: ['adopted_by'], message: unknown('decision', goalsBy, org.decisionById.keys()) });
    else if (d.adopts?.kind !== 'goals') out.push({ file: 'goals.yaml', at: ['adopted_by'], message: `decision ${goalsBy} does not adopt the goals (it needs \`adopts: { kind: goals }\`); name the decision that does` });
  }
  return out;
}

/**
 * Whether the body that decided may adopt what the decision adopts (docs/governance.md): the
 * goal set is the whole organisation's, so only the ICC adopts it (a branch assembly or a
 * chapter meeting can propose goals to the ICC, not adopt them); a branch is founded by its own
 * assembly or by the ICC; a chapter meeting adopts its own chapter's dues, not another's.
 */
export function bodyProblem(org: Organisation, d: Pick<DecisionRecord, 'body' | 'adopts'>): string | undefined {
  const a = d.adopts, b = d.body;
  if (!a || b.kind === 'icc') return undefined;
  const who = bodyName(org, b);
  if (a.kind === 'goals')
    return `the goal set is the whole organisation's: only the ICC adopts it, not ${b.kind === 'branch-assembly' ? `a branch assembly (${who})` : `a chapter meeting (${who})`}; make the ICC the body (\`body: { kind: icc }\`), or leave out \`adopts\` and propose the goals to the ICC in a decision of its own`;
  if (a.kind === 'branch-founding') {
    if (b.kind === 'branch-assembly' && (b.branch === a.branch || !org.branchById.has(b.branch))) return undefined;
    return `a branch is founded by its own assembly or by the ICC, not by ${b.kind === 'branch-assembly' ? `the ${who}` : `a chapter meeting (${who})`}; write \`body: { kind: branch-assembly, branch: ${a.branch} }\` or \`body: { kind: icc }\``;
  }
  if (b.kind === 'chapter-meeting' && b.chapter !== a.chapter && org.chapterById.has(b.chapter))
    return `a chapter meeting adopts its own chapter's dues: ${who} cannot adopt the dues of ${a.chapter}; record the decision in chapters/${a.chapter}/decisions/, or fix \`adopts\``;
  return undefined;
}

type Unknown = (what: string, id: string, known: Iterable<string>) => string;

/** Who decided, and where the file is: a chapter's decisions in its folder, the others in decisions/. */
function checkPlace(org: Organisation, d: DecisionRecord, out: UnlocatedProblem[], unknown: Unknown): void {
  const body = d.body;
  if (d.chapter !== undefined) {
    if (!org.chapterById.has(d.chapter)) out.push({ file: d.file, at: [], message: `chapters/${d.chapter}/ has no chapter.yaml; add one (iops chapter add ${d.chapter} --name … --country …)` });
    else if (body.kind !== 'chapter-meeting' || body.chapter !== d.chapter)
      out.push({ file: d.file, at: ['body'], message: `a decision in chapters/${d.chapter}/decisions/ is the chapter's own: write \`body: { kind: chapter-meeting, chapter: ${d.chapter} }\`, or move the file to decisions/` });
    const founded = org.chapterById.get(d.chapter)?.founded;
    if (founded !== undefined && d.date < founded) out.push({ file: d.file, at: [], message: `proposed ${d.date}, before the chapter was founded (${founded}); fix the file name's date, or founded in chapters/${d.chapter}/chapter.yaml` });
    return;
  }
  if (body.kind === 'chapter-meeting') {
    out.push({ file: d.file, at: ['body'], message: `a chapter meeting's decision lives in its folder: move it to chapters/${body.chapter}/decisions/` });
    return;
  }
  if (body.kind === 'branch-assembly' && !org.branchById.has(body.branch)) out.push({ file: d.file, at: ['body', 'branch'], message: unknown('branch', body.branch, org.branchById.keys()) });
}

/** Whether the outcome's counts and date fit its status, the method and the quorum. */
export function countProblems(d: DecisionRecord): { at: (string | number)[]; message: string }[] {
  const out: { at: (string | number)[]; message: string }[] = [];
  const o = d.outcome;
  const counts = ['for', 'against', 'abstain', 'blocks'] as const;
  if (o.status === 'proposed') {
    for (const k of ['date', ...counts] as const) if (o[k] !== undefined) out.push({ at: ['outcome', k], message: `a proposal not yet decided has no \`${k}\`; remove it, or record the outcome (status: adopted, rejected or withdrawn)` });
    return out;
  }
  if (o.date === undefined) out.push({ at: ['outcome', 'status'], message: `an outcome ${o.status} needs its \`date\` (the day it was decided)` });
  else if (o.date < d.date) out.push({ at: ['outcome', 'date'], message: `decided ${o.date}, before it was proposed (${d.date}, the file name's date); fix one of the dates` });
  if (o.status === 'withdrawn') {
    const counted = counts.filter((k) => o[k] !== undefined);
    if (counted.length) out.push({ at: ['outcome', counted[0]!], message: `a withdrawn proposal is not counted; leave out ${counted.map((k) => `\`${k}\``).join(', ')}, or record the outcome it had (adopted or rejected)` });
    return out;
  }
  const missing = counts.filter((k) => k !== 'blocks' && o[k] === undefined);
  if (missing.length) {
    out.push({ at: ['outcome', 'status'], message: `an outcome ${o.status} needs the counts ${missing.map((k) => `\`${k}\``).join(', ')} (0 when nobody)` });
    return out;
  }
  const yes = o.for!, no = o.against!, abstain = o.abstain!, blocks = o.blocks ?? 0;
  if (d.method !== 'consensus' && blocks > 0) out.push({ at: ['outcome', 'blocks'], message: `blocks count only under consensus (this decision's method is ${d.method}); count them as against` });
  const present = yes + no + abstain + blocks;
  if (d.quorum !== undefined && present < d.quorum)
    out.push({ at: ['outcome', 'for'], message: `${present} took part (for, against, abstain and blocks), fewer than the quorum of ${d.quorum}; without a quorum nothing is decided: record it as withdrawn, or fix the counts` });
  const passes = d.method === 'consensus' ? blocks === 0 && yes > 0 : d.method === 'majority' ? yes > no : 3 * yes >= 2 * (yes + no) && yes > 0;
  const rule = d.method === 'consensus' ? 'consensus: no blocks, and someone for' : d.method === 'majority' ? 'a majority: more for than against' : 'two-thirds: for at least two thirds of for and against';
  if (o.status === 'adopted' && !passes) out.push({ at: ['outcome', d.method === 'consensus' && blocks > 0 ? 'blocks' : 'for'], message: `adopted by ${rule}, but the counts are for ${yes}, against ${no}, blocks ${blocks}; fix the counts, or the status (rejected)` });
  if (o.status === 'rejected' && passes && d.method !== 'consensus') out.push({ at: ['outcome', 'for'], message: `rejected, but for ${yes} against ${no} passes by ${rule}; fix the counts, or the status (adopted)` });
  return out;
}
