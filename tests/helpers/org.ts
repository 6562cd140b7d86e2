// Organisations from YAML text through the real loading pipeline (parse, schema, link, checks).
import { loadFromFiles } from '../../src/load/load.js';
import type { Organisation } from '../../src/core/model.js';
import { formatProblem } from '../../src/core/problem.js';

export function orgFrom(files: Record<string, string>): Organisation {
  const entries = Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
  const { org, problems } = loadFromFiles(entries);
  if (!org) throw new Error(`fixture is invalid:\n${problems.map(formatProblem).join('\n')}`);
  return org;
}

export const SETTINGS = 'organization: Test Org\ncurrency: USD\nrates: { GBP: 1.58, EUR: 1.25 }\nkey_documents: [values, vision]\nprivacy: { min_group: 5 }\n';

export const DEFINITIONS = `definitions:
  functioning_chapter: { meetings_window_days: 92, min_meetings: 3, count_online: true, education_window_days: 183, report_every_days: 122 }
  collecting_dues: { window_months: 3, min_months: 2 }
  national_gathering: { min_chapters: 2 }
`;

export function goalsYaml(goals: string, definitions = DEFINITIONS): string {
  return `convention: Test convention\ndeadline: 2013-08-31\n${definitions}goals:\n${goals}`;
}

export const meeting = (date: string, extra = '') => `date: ${date}\nmode: in-person\nattendance: 5\n${extra}`;
export const report = (date: string) => `---\ndate: ${date}\ntitle: Report of ${date}\n---\nBody.\n`;
