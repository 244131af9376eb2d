import type { CalendarDay } from './calendarDay.js'
import { addDays, compareDays, weekday, yearOf } from './calendarDay.js'
import { statutoryHolidays } from './statutoryHolidays.js'
import type { ComputedDay, WorkCalendar } from './workCalendar.js'
import { isKnownYear } from './workCalendar.js'

/**
 * A 调休 make-up day works; a statutory holiday rests; otherwise Monday–Friday work. In a year whose notice
 * nobody has entered, the holidays of 《全国年节及纪念日放假办法》第二条 rest (provisionally: decision 0008).
 */
export function isWorkingDay(day: CalendarDay, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true
  if (cal.holidays.has(day)) return false
  if (isProvisionalHoliday(day, cal)) return false
  const w = weekday(day)
  return w !== 0 && w !== 6
}

/** 《全国年节及纪念日放假办法》第二条: a fixed or lunar holiday of a year nobody has entered (shown as 暂定). */
export function isProvisionalHoliday(day: CalendarDay, cal: WorkCalendar): boolean {
  return !isKnownYear(day, cal) && !cal.workdays.has(day) && statutoryHolidays(yearOf(day)).has(day)
}

/**
 * The n-th working day after `start` (start itself is day zero and never counted: see
 * docs/decisions/0001-counting-working-days.md). `skip` excludes further days from the count (paused periods).
 * @example addWorkingDays('2026-09-28', 20, cal) → { day: '2026-10-30', provisional: false }
 */
export function addWorkingDays(
  start: CalendarDay,
  n: number,
  cal: WorkCalendar,
  skip: (day: CalendarDay) => boolean = () => false,
): ComputedDay {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  let day = start
  let provisional = false
  let counted = 0
  while (counted < n) {
    day = addDays(day, 1)
    if (!isKnownYear(day, cal)) provisional = true
    if (isWorkingDay(day, cal) && !skip(day)) counted++
  }
  return { day, provisional }
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not later).
 * @example workingDaysBetween('2026-09-30', '2026-10-12', cal) → 4 (10/8, 10/9, the 调休 Saturday 10/10, 10/12)
 */
export function workingDaysBetween(from: CalendarDay, to: CalendarDay, cal: WorkCalendar): number {
  let count = 0
  for (let day = addDays(from, 1); compareDays(day, to) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day, cal)) count++
  }
  return count
}

/** The first working day on or after `day`. */
export function nextWorkingDayFrom(day: CalendarDay, cal: WorkCalendar): CalendarDay {
  let d = day
  while (!isWorkingDay(d, cal)) d = addDays(d, 1)
  return d
}
