// Breakdowns of people change only at month ends. Two reports of one chapter a few days apart
// would otherwise differ by exactly the members who joined or left between them, and a cell
// that went from shown to hidden names their gender (issue 13, reproduction 4). Taking every
// breakdown as of the last month end on or before the as-of date makes all reports within a
// month show the same cells; what changes from one month end to the next is still visible
// (docs/privacy.md, "What it cannot protect").
import { addMonths, lastDayOfMonth, monthOf } from '../dates.js';

/** The as-of date itself when it is a month's last day, else the last day of the month before. */
export function breakdownDate(asOf: string): string {
  const month = monthOf(asOf);
  return lastDayOfMonth(month) === asOf ? asOf : lastDayOfMonth(addMonths(month, -1));
}
