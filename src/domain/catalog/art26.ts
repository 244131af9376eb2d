import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays } from '../calendar/calendarDay.js'
import type { WorkCalendar } from '../calendar/workCalendar.js'
import { addWorkingDays } from '../calendar/workingDays.js'

/**
 * 《条例》第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。
 * The last day an item formed on `formedOn` may be published (day zero is the day it was formed).
 */
function art26Deadline(formedOn: CalendarDay, cal: WorkCalendar): CalendarDay {
  return addWorkingDays(formedOn, 20, cal).day
}

/** True when the item went out later than Art. 26 allows: the flag staff and the annual report see. */
export function publishedLate(formedOn: CalendarDay, publishedOn: CalendarDay, cal: WorkCalendar): boolean {
  return compareDays(publishedOn, art26Deadline(formedOn, cal)) > 0
}
