import type { CalendarDay } from './calendarDay.js'
import { addDays, compareDays, weekday } from './calendarDay.js'
import type { WorkCalendar } from './workCalendar.js'
import { isProvisionalHoliday, isWorkingDay } from './workingDays.js'

/** What a day is in a calendar, as the admin page and `calendar import` print it. */
export function dayStatus(day: CalendarDay, cal: WorkCalendar): string {
  const weekend = weekday(day) === 0 || weekday(day) === 6
  if (isWorkingDay(day, cal)) return weekend ? '调休上班' : '上班'
  if (isProvisionalHoliday(day, cal)) return '放假（暂定）'
  return cal.holidays.has(day) ? '放假' : '休息日'
}

export interface DayChange {
  day: CalendarDay
  before: string
  after: string
}

/**
 * The days from `from` to `to` whose status differs between two calendars: what entering a notice changes.
 * @example calendarDiff(old, withNotice, '2027-01-01', '2027-12-31') → [{ day: '2027-01-04', before: '上班', after: '放假' }, …]
 */
export function calendarDiff(
  before: WorkCalendar,
  after: WorkCalendar,
  from: CalendarDay,
  to: CalendarDay,
): DayChange[] {
  const out: DayChange[] = []
  for (let d = from; compareDays(d, to) <= 0; d = addDays(d, 1)) {
    const b = dayStatus(d, before)
    const a = dayStatus(d, after)
    if (a !== b) out.push({ day: d, before: b, after: a })
  }
  return out
}
