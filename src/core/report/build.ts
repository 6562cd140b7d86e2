// The chapter report: one chapter, as of a date, built from the organisation and its goal
// definitions. Pure; the command adds the data commit and picks a renderer.
import { addDays } from '../dates.js';
import type { ChapterRecord, Organisation } from '../model.js';
import { lastOnOrBefore } from '../metrics/asof.js';
import { educationSection, projectsSection } from './activity.js';
import { decisionsSection } from './decisions.js';
import { dueList } from './due.js';
import { duesSection } from './dues.js';
import { DEFAULT_MEETING_RULES, meetingsSection } from './meetings.js';
import { membersSection } from './members.js';
import { disclosurePlan } from '../privacy/plan.js';
import { breakdownDate } from '../privacy/monthEnd.js';
import { previousMeeting } from './periods.js';
import { collectingStanding, delegateStanding, functioningStanding, goalStandings } from './standing.js';
import type { ChapterReport, ReportOptions, ReportsSection } from './types.js';

/** Without goals.yaml's collecting_dues: the as-of month and the two before it. */
export const DEFAULT_DUES_WINDOW_MONTHS = 3;

function reportsSection(chapter: ChapterRecord, asOf: string, everyDays: number | undefined): ReportsSection {
  const published = chapter.reports.filter((r) => r.date <= asOf);
  const last = published[published.length - 1];
  return {
    last: last ? { date: last.date, title: last.title, url: last.url ?? null } : null,
    published: published.length,
    every_days: everyDays ?? null,
    next_due: last && everyDays !== undefined ? addDays(last.date, everyDays) : null,
  };
}

export function buildChapterReport(org: Organisation, chapter: ChapterRecord, asOf: string, opts: ReportOptions = {}): ChapterReport {
  const defs = org.goals?.definitions;
  const functioning = defs?.functioning_chapter;
  const since = opts.since ?? previousMeeting(chapter, asOf);
  const minGroup = org.settings.privacy.min_group;
  const keyDocuments = org.settings.key_documents;
  const listMembers = opts.members === true;
  const rules = functioning ? { windowDays: functioning.meetings_window_days, countOnline: functioning.count_online } : DEFAULT_MEETING_RULES;

  // breakdowns of people as of the last month end (privacy/monthEnd.ts), from the organisation-wide plan
  const breakdownsAsOf = breakdownDate(asOf);
  const plan = opts.plan ?? disclosurePlan(org, breakdownsAsOf);
  const members = membersSection(chapter, asOf, since, keyDocuments, { plan, at: breakdownsAsOf }, minGroup);
  const delegate = delegateStanding(chapter, asOf, listMembers);
  return {
    chapter: chapter.id,
    name: chapter.name,
    country: chapter.country,
    branch: chapter.branch ?? null,
    organization: org.settings.organization,
    as_of: asOf,
    since,
    min_group: minGroup,
    breakdowns_as_of: breakdownsAsOf,
    members_listed: listMembers,
    members,
    functioning: functioningStanding(chapter, asOf, functioning),
    collecting_dues: collectingStanding(chapter, asOf, defs?.collecting_dues),
    delegate,
    last_meeting: lastOnOrBefore(chapter.meetings, asOf)?.date ?? null,
    last_report: lastOnOrBefore(chapter.reports, asOf)?.date ?? null,
    meetings: meetingsSection({ chapter, asOf, since, rules, minGroup, listMembers }),
    education: educationSection(chapter, asOf, { windowDays: functioning?.education_window_days, countOnline: rules.countOnline }, keyDocuments),
    projects: projectsSection(chapter, asOf),
    reports: reportsSection(chapter, asOf, functioning?.report_every_days),
    dues: duesSection(org, chapter, asOf, defs?.collecting_dues?.window_months ?? DEFAULT_DUES_WINDOW_MONTHS, { plan, at: breakdownsAsOf }),
    goals: goalStandings(org, chapter, asOf, members.gender),
    decisions: decisionsSection(org, chapter, asOf),
    due: dueList(org, chapter, asOf, delegate),
  };
}
