// The chapters table: one row per chapter that exists at the as-of date, with the same
// verdicts readiness uses (functioning, collecting dues, a current delegate). Yes or no only:
// never the delegate's member id.
import { chapterOn } from '../histories.js';
import { chaptersAt, currentMembers, lastOnOrBefore } from '../metrics/asof.js';
import { chaptersWithDelegate } from '../metrics/chapters.js';
import { collectingVerdict } from '../metrics/dues.js';
import { functioningVerdict } from '../metrics/functioning.js';
import type { Organisation } from '../model.js';
import type { Definitions } from '../schema/definitions.js';

export interface ChapterRow {
  id: string;
  name: string;
  country: string;
  /** The branch's name; null when the chapter belongs to none. */
  branch: string | null;
  members: number;
  /** null when goals.yaml does not define a functioning chapter. */
  functioning: boolean | null;
  /** What is missing ("no report since 2012-03-01"), or what it did; '' without a definition. */
  functioning_reason: string;
  last_meeting: string | null;
  last_report: string | null;
  /** null when goals.yaml does not define collecting dues. */
  collecting_dues: boolean | null;
  has_delegate: boolean;
}

export function chapterRows(org: Organisation, definitions: Definitions, asOf: string): ChapterRow[] {
  const members = new Map<string, number>();
  for (const m of currentMembers(org, asOf)) {
    const at = chapterOn(m, asOf);
    members.set(at, (members.get(at) ?? 0) + 1);
  }
  const delegates = new Map(chaptersWithDelegate.measure(org, asOf, {}, definitions).verdicts!.map((v) => [v.id, v.counts]));
  const functioning = definitions.functioning_chapter;
  const collecting = definitions.collecting_dues;
  return chaptersAt(org, asOf)
    .map((c): ChapterRow => {
      const f = functioning ? functioningVerdict(c, asOf, functioning) : undefined;
      return {
        id: c.id,
        name: c.name,
        country: c.country,
        branch: c.branch === undefined ? null : (org.branchById.get(c.branch)?.name ?? c.branch),
        members: members.get(c.id) ?? 0,
        functioning: f ? f.counts : null,
        functioning_reason: f ? f.reason : '',
        last_meeting: lastOnOrBefore(c.meetings, asOf)?.date ?? null,
        last_report: lastOnOrBefore(c.reports, asOf)?.date ?? null,
        collecting_dues: collecting ? collectingVerdict(c, asOf, collecting).counts : null,
        has_delegate: delegates.get(c.id) ?? false,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
}
