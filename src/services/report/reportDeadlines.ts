import { suggestAgencyKind } from '../../domain/agency/agencyKind.js'
import { yearOf } from '../../domain/calendar/calendarDay.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { ReportDeadlineState } from '../../domain/report/deadline.js'
import { reportDeadlineState, reportDueDate, reportReminderDue } from '../../domain/report/deadline.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { agenciesWithPublishedReport } from '../../store/reportEntryRepo.js'

/** Where an agency's report of last year stands against its deadline (条例第四十九条). */
export interface ReportDeadlineLine {
  agencyId: number
  agency: string
  year: number
  due: CalendarDay
  state: ReportDeadlineState
  daysLeft: number
  /** true on the days the reminders job notifies (domain/report/deadline.ts reportReminderDue) */
  remindToday: boolean
  message: string
}

function messageOf(l: Omit<ReportDeadlineLine, 'message'>): string {
  const what = `${l.agency}${l.year}年度政府信息公开工作年度报告`
  if (l.state === 'published') return `${what}已发布`
  if (l.state === 'overdue') return `${what}应于${l.due}前公布（条例第四十九条），已逾期${-l.daysLeft}天，尚未发布`
  return `${what}应于${l.due}前公布（条例第四十九条），尚未发布，${l.daysLeft === 0 ? '今天是最后一天' : `还有${l.daysLeft}天`}`
}

/**
 * Last year's report of each agency (all, or those listed), with its deadline: 31 January for departments and
 * offices, 31 March for people's governments, by the agency's kind as an administrator set it, else as its name
 * suggests (domain/agency/agencyKind.ts).
 */
export async function reportDeadlines(
  store: Store,
  today: CalendarDay,
  agencyIds: readonly number[] | null = null,
): Promise<ReportDeadlineLine[]> {
  const year = yearOf(today) - 1
  const published = await agenciesWithPublishedReport(store.db, year)
  const agencies = (await listAgencies(store.db)).filter((a) => agencyIds === null || agencyIds.includes(a.id))
  return agencies.map((a) => {
    const due = reportDueDate(year, a.settings.kind ?? suggestAgencyKind(a.name))
    const isPublished = published.has(a.id)
    const line = {
      agencyId: a.id,
      agency: a.name,
      year,
      due,
      ...reportDeadlineState(due, today, isPublished),
      remindToday: reportReminderDue(due, today, isPublished),
    }
    return { ...line, message: messageOf(line) }
  })
}
