// Self-education (the last education session, which key documents the chapter has studied)
// and projects (each project's latest status, as logged on the chapter's meetings).
import { withinDays } from '../dates.js';
import type { ChapterRecord } from '../model.js';
import type { EducationSection, ProjectView, ProjectsSection } from './types.js';

export interface EducationRules {
  /** goals.yaml's education_window_days; undefined when functioning asks for no education. */
  windowDays: number | undefined;
  countOnline: boolean;
}

export function educationSection(chapter: ChapterRecord, asOf: string, rules: EducationRules, keyDocuments: readonly string[]): EducationSection {
  const held = chapter.meetings.filter((m) => m.date <= asOf);
  // the same meetings functioning counts: online ones only when they count
  const sessions = held.filter((m) => m.topics.includes('education') && (rules.countOnline || m.mode !== 'online'));
  const documents: Record<string, string | null> = Object.fromEntries(keyDocuments.map((d) => [d, null]));
  for (const m of held) for (const d of m.studied) if (Object.hasOwn(documents, d)) documents[d] = m.date;
  return {
    last: sessions[sessions.length - 1]?.date ?? null,
    window_days: rules.windowDays ?? null,
    sessions_in_window: rules.windowDays === undefined ? 0 : sessions.filter((m) => withinDays(m.date, asOf, rules.windowDays!)).length,
    documents,
  };
}

/**
 * A project is known by its name (case and spacing aside); the latest meeting that mentions
 * it gives its status, so "planned" in May and "succeeded" in July is one success.
 */
export function projectsSection(chapter: ChapterRecord, asOf: string): ProjectsSection {
  const latest = new Map<string, ProjectView>();
  for (const m of chapter.meetings) {
    if (m.date > asOf) break;
    for (const p of m.projects) latest.set(p.name.trim().toLowerCase().replace(/\s+/g, ' '), { name: p.name.trim(), status: p.status, date: m.date });
  }
  const list = [...latest.values()].sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : a.name < b.name ? -1 : 1));
  const count = (status: ProjectView['status']) => list.filter((p) => p.status === status).length;
  return { attempted: count('attempted'), succeeded: count('succeeded'), failed: count('failed'), planned: count('planned'), list };
}
