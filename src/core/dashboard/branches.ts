// National branches and their gatherings up to the as-of date, with the same verdict the
// branches_with_national_gathering metric gives.
import { chaptersAt } from '../metrics/asof.js';
import { branchesWithNationalGathering } from '../metrics/branches.js';
import type { Organisation } from '../model.js';
import type { Definitions } from '../schema/definitions.js';

export interface GatheringRow {
  date: string;
  kind: 'national' | 'regional';
  /** The chapters that took part, by name. */
  chapters: string[];
}

export interface BranchRow {
  id: string;
  name: string;
  country: string;
  /** Chapters of this branch that exist at the as-of date. */
  chapters: number;
  /** null when goals.yaml does not define a national gathering. */
  national_gathering: boolean | null;
  reason: string;
  /** Gatherings held on or before the as-of date, newest first. */
  gatherings: GatheringRow[];
}

export function branchRows(org: Organisation, definitions: Definitions, asOf: string): BranchRow[] {
  const verdicts = definitions.national_gathering
    ? new Map(branchesWithNationalGathering.measure(org, asOf, {}, definitions).verdicts!.map((v) => [v.id, v]))
    : undefined;
  const chapters = chaptersAt(org, asOf);
  const nameOf = (id: string) => org.chapterById.get(id)?.name ?? id;
  return org.branches.map((b) => {
    const verdict = verdicts?.get(b.id);
    return {
      id: b.id,
      name: b.name,
      country: b.country,
      chapters: chapters.filter((c) => c.branch === b.id).length,
      national_gathering: verdict ? verdict.counts : null,
      reason: verdict?.reason ?? '',
      gatherings: b.gatherings
        .filter((g) => g.date <= asOf)
        .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0))
        .map((g) => ({ date: g.date, kind: g.kind, chapters: [...new Set(g.chapters)].map(nameOf) })),
    };
  });
}
