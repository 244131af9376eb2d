import type { AgencyKind } from '../agency/agencyKind.js'
import { calendarDay, daysBetween } from '../calendar/calendarDay.js'
import type { CalendarDay } from '../calendar/calendarDay.js'

// docs/decisions/0015-report-deadline-reminders.md

/** Kinds whose annual report is a people's government's own (published by its 政府信息公开工作主管部门). */
const GOVERNMENT_KINDS: ReadonlySet<AgencyKind> = new Set(['provincialGovernment', 'localGovernment'])

/** A people's government (its report is due by 31 March and also states 工作考核、社会评议和责任追究结果). */
export function isPeoplesGovernment(kind: AgencyKind): boolean {
  return GOVERNMENT_KINDS.has(kind)
}

// 《政府信息公开条例》第四十九条：县级以上人民政府部门每年1月31日前公布上一年度年度报告；县级以上地方人民政府的年度报告每年3月31日前公布
export function reportDueDate(reportYear: number, kind: AgencyKind): CalendarDay {
  const y = reportYear + 1
  return calendarDay(GOVERNMENT_KINDS.has(kind) ? `${y}-03-31` : `${y}-01-31`)
}

/** The days before the deadline on which an unpublished report is reminded of (0 = the last day). */
const REPORT_REMINDER_DAYS: readonly number[] = [30, 14, 7, 3, 1, 0]

export type ReportDeadlineState = 'published' | 'open' | 'dueSoon' | 'overdue'

/** Where a year's report stands on `today`: published, open, within the last 30 days, or past the deadline. */
export function reportDeadlineState(
  due: CalendarDay,
  today: CalendarDay,
  published: boolean,
): { state: ReportDeadlineState; daysLeft: number } {
  const daysLeft = daysBetween(today, due)
  if (published) return { state: 'published', daysLeft }
  if (daysLeft < 0) return { state: 'overdue', daysLeft }
  return { state: daysLeft <= (REPORT_REMINDER_DAYS[0] ?? 30) ? 'dueSoon' : 'open', daysLeft }
}

/**
 * Whether `today` is a day to remind an agency of its unpublished report: on each of REPORT_REMINDER_DAYS before
 * the deadline, and on the day after it and every 7 days after that while it stays unpublished.
 */
export function reportReminderDue(due: CalendarDay, today: CalendarDay, published: boolean): boolean {
  if (published) return false
  const left = daysBetween(today, due)
  return left >= 0 ? REPORT_REMINDER_DAYS.includes(left) : (-left - 1) % 7 === 0
}
