import { z } from 'zod'
/** A date of the law ('2025-10-09'): a calendar day in Asia/Shanghai, never a `Date` (see style.md §2). */
export type CalendarDay = string & { readonly __brand: 'CalendarDay' }

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

export class InvalidCalendarDay extends Error {
  readonly code = 'INVALID_CALENDAR_DAY'
  constructor(readonly input: string) {
    super(`不是有效的日期（应为 YYYY-MM-DD）：${input}`)
  }
}

/** Parses 'YYYY-MM-DD', rejecting impossible dates such as 2025-02-30. */
export function calendarDay(input: string): CalendarDay {
  const m = PATTERN.exec(input)
  if (!m) throw new InvalidCalendarDay(input)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const probe = new Date(Date.UTC(y, mo - 1, d))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new InvalidCalendarDay(input)
  }
  return input as CalendarDay
}

export function isCalendarDay(input: string): input is CalendarDay {
  try {
    calendarDay(input)
    return true
  } catch {
    return false
  }
}

// UTC arithmetic on a day index: the day itself has no time zone, so no DST or offset can shift it.
function toIndex(day: CalendarDay): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000
}

function fromIndex(index: number): CalendarDay {
  return new Date(index * 86_400_000).toISOString().slice(0, 10) as CalendarDay
}

export function addDays(day: CalendarDay, n: number): CalendarDay {
  return fromIndex(toIndex(day) + n)
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return toIndex(to) - toIndex(from)
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(day: CalendarDay): number {
  return (((toIndex(day) + 4) % 7) + 7) % 7
}

export function yearOf(day: CalendarDay): number {
  return Number(day.slice(0, 4))
}

/** The calendar day of an instant in Asia/Shanghai (UTC+8, no DST since 1991). */
export function shanghaiDay(instant: Date): CalendarDay {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as CalendarDay
}

/** The time of an instant in Asia/Shanghai, 'HH:MM' (for 第三十一条第（三）项's office hours). */
export function shanghaiTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// 《政府信息公开条例》（国务院令第492号）自2008年5月1日起施行: no act under it, and no record of this platform,
// is older than its year (issue 15 finding 11: 1899-12-31 was accepted)
const FIRST_YEAR = 2008

/**
 * The zod field of a date of the law, its message naming the field: `daySchema('收到日期')`. A date before
 * 2008 is refused unless `earliestYear` allows one (a document formed before the 条例 and published since).
 */
export function daySchema(label: string, options: { earliestYear?: number } = {}) {
  const earliest = options.earliestYear ?? FIRST_YEAR
  return z
    .string({ message: `请填写${label}` })
    .trim()
    .refine(isCalendarDay, { message: `${label}应为有效日期（YYYY-MM-DD）`, abort: true })
    .refine((s) => Number(s.slice(0, 4)) >= earliest, `${label}不能早于${earliest}年`)
    .transform((s) => s as CalendarDay)
}
