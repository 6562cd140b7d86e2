// `iops report --all`: one line per chapter for coordinators — functioning, last meeting,
// last report, dues, and whether it has a delegate (yes or no, never who).
import { chaptersAt, lastOnOrBefore } from '../metrics/asof.js';
import type { Organisation } from '../model.js';
import { collectingStanding, delegateStanding, functioningStanding } from './standing.js';

import type { OverviewSort } from '../choices.js';
export { OVERVIEW_SORTS, type OverviewSort } from '../choices.js';

export interface OverviewRow {
  chapter: string;
  name: string;
  functioning: boolean | null;
  /** What keeps it from functioning (empty when it does). */
  functioning_reasons: string[];
  last_meeting: string | null;
  last_report: string | null;
  collecting_dues: boolean | null;
  dues_scheme: string | null;
  delegate: boolean;
}

export interface Overview {
  organization: string;
  as_of: string;
  sort: OverviewSort;
  chapters: OverviewRow[];
  totals: { chapters: number; functioning: number; collecting_dues: number; with_delegate: number };
}

const byName = (a: OverviewRow, b: OverviewRow): number => a.name.localeCompare(b.name, 'en') || (a.chapter < b.chapter ? -1 : 1);

/** Oldest first, never (null) before any date: the chapters that need attention lead. */
const byDate = (key: 'last_meeting' | 'last_report') => (a: OverviewRow, b: OverviewRow): number => {
  const x = a[key] ?? '', y = b[key] ?? '';
  return x < y ? -1 : x > y ? 1 : byName(a, b);
};

/** Not functioning first, then undefined (no definition), then functioning. */
const rank = (v: boolean | null): number => (v === false ? 0 : v === null ? 1 : 2);

const SORTERS: Record<OverviewSort, (a: OverviewRow, b: OverviewRow) => number> = {
  name: byName,
  'last-meeting': byDate('last_meeting'),
  'last-report': byDate('last_report'),
  functioning: (a, b) => rank(a.functioning) - rank(b.functioning) || byName(a, b),
};

export function overview(org: Organisation, asOf: string, sort: OverviewSort = 'name'): Overview {
  const defs = org.goals?.definitions;
  const chapters = chaptersAt(org, asOf).map((c): OverviewRow => {
    const functioning = functioningStanding(c, asOf, defs?.functioning_chapter);
    return {
      chapter: c.id,
      name: c.name,
      functioning: functioning.value,
      functioning_reasons: functioning.value === false ? functioning.reasons : [],
      last_meeting: lastOnOrBefore(c.meetings, asOf)?.date ?? null,
      last_report: lastOnOrBefore(c.reports, asOf)?.date ?? null,
      collecting_dues: collectingStanding(c, asOf, defs?.collecting_dues).value,
      dues_scheme: c.dues?.scheme ?? null,
      delegate: delegateStanding(c, asOf, false).value === true,
    };
  });
  chapters.sort(SORTERS[sort]);
  return {
    organization: org.settings.organization,
    as_of: asOf,
    sort,
    chapters,
    totals: {
      chapters: chapters.length,
      functioning: chapters.filter((c) => c.functioning).length,
      collecting_dues: chapters.filter((c) => c.collecting_dues).length,
      with_delegate: chapters.filter((c) => c.delegate).length,
    },
  };
}
