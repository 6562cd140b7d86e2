// dashboard.json, for other sites to embed the figures: exactly `iops readiness --format json`
// (as of the same day, at the same commit), plus each goal's monthly series and trend line,
// membership over time, the chapters table and the branches. Snake_case keys; shares as
// fractions; a series value is null where privacy hides it.
import { GENERATOR } from '../../core/dashboard/output.js';
import { renderReadinessJson } from '../readiness.js';
import type { DashboardOutput } from './page.js';

export function renderDashboardJson(v: DashboardOutput): string {
  const readiness = JSON.parse(renderReadinessJson({ ...v.readiness, commit: v.commit, dirty: v.dirty })) as Record<string, unknown>;
  const series = {
    goals: Object.fromEntries(v.goals.map((g) => [g.id, { unit: g.unit, points: g.series.points, trend: g.series.trend, chart_end: g.series.chart_end }])),
    members: v.members,
  };
  return `${JSON.stringify({ ...readiness, series, chapters: v.chapters, branches: v.branches, generator: GENERATOR }, null, 2)}\n`;
}
