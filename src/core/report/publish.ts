// A published chapter report: chapters/<id>/reports/<date>.md, front matter (date, title)
// and the Markdown report. The report counts itself: it is built with the new report in
// place, so "last report" is this one and "publish a report" is not among what is due.
import type { ChapterRecord } from '../model.js';
import { paths } from '../paths.js';

export const publishedReportPath = (chapter: string, date: string): string => paths.report(chapter, date);

export const publishedTitle = (name: string, date: string): string => `${name} chapter report, ${date}`;

/** The file's text. The title is a double-quoted YAML scalar (JSON's escapes are YAML's). */
export function publishedReportText(date: string, title: string, body: string): string {
  return `---\ndate: ${date}\ntitle: ${JSON.stringify(title)}\n---\n\n${body.trimEnd()}\n`;
}

/** The chapter as it will be once the report is published. */
export function withPublishedReport(chapter: ChapterRecord, date: string, title: string): ChapterRecord {
  const report = { date, title, chapter: chapter.id, file: publishedReportPath(chapter.id, date) };
  const reports = [...chapter.reports.filter((r) => r.file !== report.file), report].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  return { ...chapter, reports };
}
