// The chapter report and the all-chapters overview as JSON: stable snake_case keys, the
// data commit next to the as-of date, shares as fractions, hidden cells as
// `{ "count": null, "suppressed": true }`.
import type { Overview } from '../core/report/overview.js';
import type { ChapterReportOutput } from './report-text.js';

export function renderReportJson(r: ChapterReportOutput): string {
  const { chapter, name, country, branch, organization, as_of, since, commit, dirty, at, ...rest } = r;
  return JSON.stringify({ chapter, name, country, branch, organization, as_of, since, commit, dirty, ...(at !== undefined ? { at } : {}), ...rest }, null, 2);
}

export interface OverviewOutput extends Overview {
  commit: string | null;
  dirty: boolean;
  at?: string;
}

export function renderOverviewJson(v: OverviewOutput): string {
  const { organization, as_of, commit, dirty, at, sort, totals, chapters } = v;
  return JSON.stringify({ organization, as_of, commit, dirty, ...(at !== undefined ? { at } : {}), sort, totals, chapters }, null, 2);
}
