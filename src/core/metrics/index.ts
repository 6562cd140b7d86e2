// The metric catalogue. Adding a metric: write its module and list it here.
import { branchesWithNationalGathering } from './branches.js';
import { chapters, chaptersReporting, chaptersWithDelegate } from './chapters.js';
import { chaptersWithDuesDecision } from './decisions.js';
import { chaptersCollectingDues, duesIncome } from './dues.js';
import { functioningChapters } from './functioning.js';
import { meetings } from './meetings.js';
import type { Metric } from './metric.js';
import { genderShare, members, membersStudied } from './members.js';

export const METRICS: readonly Metric<any>[] = [
  members,
  chapters,
  functioningChapters,
  genderShare,
  chaptersWithDelegate,
  chaptersReporting,
  branchesWithNationalGathering,
  chaptersCollectingDues,
  meetings,
  membersStudied,
  duesIncome,
  chaptersWithDuesDecision,
];

export const metricByName = new Map(METRICS.map((m) => [m.name, m]));
