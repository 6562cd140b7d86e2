// The day a command evaluates the organisation on.
import { isCalendarDate } from '../core/dates.js';
import type { Organisation } from '../core/model.js';
import { UsageError } from '../errors.js';

/** The as-of date: `--as-of`, else iops.yaml's snapshot_date, else today. */
export function resolveAsOf(org: Organisation, asOf: string | undefined, today: string): string {
  if (asOf !== undefined) {
    if (!isCalendarDate(asOf)) throw new UsageError(`--as-of ${JSON.stringify(asOf)} is not a calendar date (write YYYY-MM-DD)`);
    return asOf;
  }
  return org.settings.snapshot_date ?? today;
}
