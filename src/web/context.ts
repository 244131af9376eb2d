import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { shanghaiDay } from '../domain/calendar/calendarDay.js'
import type { Store } from '../store/database.js'

/** What every route plugin is handed: the store and the clock (tests pass a fixed `today`). */
export interface AppContext {
  store: Store
  today(): CalendarDay
}

export function systemToday(): CalendarDay {
  return shanghaiDay(new Date())
}
