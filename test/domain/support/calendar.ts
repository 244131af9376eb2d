import type { CalendarDay } from '../../../src/domain/calendar/calendarDay.js'
import { calendarDay } from '../../../src/domain/calendar/calendarDay.js'
import type { CalendarOverride, WorkCalendar } from '../../../src/domain/calendar/workCalendar.js'
import { buildWorkCalendar } from '../../../src/domain/calendar/workCalendar.js'
import { packageCalendarData } from '../../../src/store/packageCalendar.js'

/** A checked 'YYYY-MM-DD' day for test tables. */
export const d = (s: string): CalendarDay => calendarDay(s)

/**
 * The calendar the platform builds: the chinese-days package data (State Council notices up to 2026),
 * plus admin overrides and years whose whole notice an admin entered.
 */
export function makeCalendar(extra: { overrides?: CalendarOverride[]; enteredYears?: number[] } = {}): WorkCalendar {
  return buildWorkCalendar({ ...packageCalendarData(), ...extra })
}

/** The package calendar with no overrides: the one most tests use. */
export const packageCal: WorkCalendar = makeCalendar()
