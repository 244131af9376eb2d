import { DUE_SOON_WITHIN } from '../../domain/application/clock.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { addWorkingDays } from '../../domain/calendar/workingDays.js'
import type { DueWindow } from '../../store/caseQueryRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Store } from '../../store/database.js'

/** Today and the last day still "due soon" (DUE_SOON_WITHIN working days on), for the stored-deadline queries. */
export async function dueWindow(store: Store, today: CalendarDay): Promise<DueWindow> {
  const cal = await loadWorkCalendar(store.db)
  return { today, soonUntil: addWorkingDays(today, DUE_SOON_WITHIN, cal).day }
}
