import type { CalendarDay } from './calendarDay.js'
import { yearOf } from './calendarDay.js'

/**
 * The working-day calendar as data: statutory holidays, 调休 make-up working days, and the years whose
 * State Council notice is known (from the chinese-days package or entered by an admin). Built in
 * src/store from the package and the override table; the rules in this folder only read it.
 */
export interface WorkCalendar {
  /** days off that would otherwise be working days (statutory holidays) */
  readonly holidays: ReadonlySet<string>
  /** weekend days that are working days (调休 make-up days) */
  readonly workdays: ReadonlySet<string>
  /**
   * years whose holiday notice is known; a day outside them rests on weekends and the holidays of
   * 《全国年节及纪念日放假办法》第二条 alone, provisionally (decision 0008)
   */
  readonly knownYears: ReadonlySet<number>
}

export function isKnownYear(day: CalendarDay, cal: WorkCalendar): boolean {
  return cal.knownYears.has(yearOf(day))
}

/** A day with a mark telling whether it rests on a year nobody has entered yet. */
export interface ComputedDay {
  day: CalendarDay
  /** true when the computation crossed a year whose notice is not known: weekends and statutory holidays alone were used */
  provisional: boolean
}

/** One admin-entered correction: a day declared a holiday or a working day. */
export interface CalendarOverride {
  day: CalendarDay
  kind: 'holiday' | 'workday'
  note?: string
}

/**
 * Builds a calendar from base data and overrides. An override wins over the base for its day;
 * `enteredYears` are years whose whole notice an admin entered: they become known, and the base data of
 * those years is set aside, so an entered notice replaces the package's year rather than adding to it.
 */
export function buildWorkCalendar(base: {
  holidays: Iterable<string>
  workdays: Iterable<string>
  knownYears: Iterable<number>
  overrides?: readonly CalendarOverride[]
  enteredYears?: Iterable<number>
}): WorkCalendar {
  const entered = new Set(base.enteredYears ?? [])
  const kept = (day: string) => !entered.has(Number(day.slice(0, 4)))
  const holidays = new Set([...base.holidays].filter(kept))
  const workdays = new Set([...base.workdays].filter(kept))
  for (const o of base.overrides ?? []) {
    if (o.kind === 'holiday') {
      holidays.add(o.day)
      workdays.delete(o.day)
    } else {
      workdays.add(o.day)
      holidays.delete(o.day)
    }
  }
  const knownYears = new Set([...base.knownYears, ...entered])
  return { holidays, workdays, knownYears }
}
