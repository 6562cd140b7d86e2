// The meetings section: the last meeting, meetings in the functioning window by mode, joint
// meetings, the monthly attendance trend, and how often members come where attendees are
// recorded (as a suppressed breakdown; per member only with --members).
import { monthOf, withinDays } from '../dates.js';
import { isCurrent } from '../metrics/asof.js';
import type { ChapterRecord, MeetingRecord } from '../model.js';
import { suppress } from '../privacy.js';
import { isSince, shareOf, trendMonths } from './periods.js';
import type { MeetingSummary, MeetingsSection, MemberAttendance } from './types.js';

export interface MeetingRules {
  windowDays: number;
  countOnline: boolean;
}

/** Without goals.yaml's functioning_chapter: a 92-day window, online meetings counted. */
export const DEFAULT_MEETING_RULES: MeetingRules = { windowDays: 92, countOnline: true };

export function meetingSummary(m: MeetingRecord): MeetingSummary {
  return { date: m.date, mode: m.mode, attendance: m.attendanceCount ?? null, topics: m.topics, held_by: m.chapter, joint_with: m.joint_with };
}

export const isJoint = (m: MeetingRecord): boolean => m.joint_with.length > 0;

export interface MeetingsInput {
  chapter: ChapterRecord;
  asOf: string;
  since: string | null;
  rules: MeetingRules;
  minGroup: number;
  listMembers: boolean;
}

export function meetingsSection({ chapter, asOf, since, rules, minGroup, listMembers }: MeetingsInput): MeetingsSection {
  const held = chapter.meetings.filter((m) => m.date <= asOf);
  const inWindow = held.filter((m) => withinDays(m.date, asOf, rules.windowDays));
  const last = held[held.length - 1];
  const attendance = memberAttendance(chapter, asOf, inWindow);
  return {
    last: last ? meetingSummary(last) : null,
    window_days: rules.windowDays,
    in_window: inWindow.length,
    counted: rules.countOnline ? inWindow.length : inWindow.filter((m) => m.mode !== 'online').length,
    modes: {
      in_person: inWindow.filter((m) => m.mode === 'in-person').length,
      online: inWindow.filter((m) => m.mode === 'online').length,
      hybrid: inWindow.filter((m) => m.mode === 'hybrid').length,
    },
    joint: inWindow.filter(isJoint).length,
    since: held.filter((m) => isSince(m.date, since, asOf)).length,
    attendance_trend: trendMonths(asOf).map((month) => {
      const meetings = held.filter((m) => monthOf(m.date) === month);
      const counts = meetings.map((m) => m.attendanceCount).filter((n): n is number => n !== undefined);
      const average = counts.length ? Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10 : null;
      return { month, meetings: meetings.length, average_attendance: average };
    }),
    attendance: attendance && {
      recorded_meetings: attendance.recorded,
      cells: suppress(attendance.cells, minGroup, { totalShown: true }),
    },
    ...(listMembers ? { by_member: attendance?.byMember ?? [] } : {}),
  };
}

/**
 * Over the window's meetings that list attendees: for each current member, the meetings they
 * came to out of those held since they joined. Regular: at least half; occasional: some;
 * absent: none. Members who joined after every recorded meeting are left out.
 */
function memberAttendance(chapter: ChapterRecord, asOf: string, inWindow: readonly MeetingRecord[]) {
  const recorded = inWindow.filter((m) => m.attendees !== undefined);
  if (!recorded.length) return null;
  const cells = { regular: 0, occasional: 0, absent: 0 };
  const byMember: MemberAttendance[] = [];
  for (const member of chapter.roster) {
    if (!isCurrent(member, asOf)) continue;
    const open = recorded.filter((m) => m.date >= member.joined);
    if (!open.length) continue;
    const attended = open.filter((m) => m.attendees!.includes(member.id)).length;
    const rate = shareOf(attended, open.length)!;
    cells[attended === 0 ? 'absent' : rate >= 0.5 ? 'regular' : 'occasional']++;
    byMember.push({ member: member.id, attended, recorded: open.length, rate });
  }
  byMember.sort((a, b) => b.rate - a.rate || (a.member < b.member ? -1 : 1));
  return { recorded: recorded.length, cells, byMember };
}
