import type { CalendarDay } from '../calendar/calendarDay.js'
import { calendarDay } from '../calendar/calendarDay.js'

/**
 * A period the supervisor's figures cover: a year or one of its quarters. The figures are those of the annual
 * report (the same SQL, store/reportRepo.ts) with the period's first and last day in place of the year's.
 */
export interface Period {
  year: number
  /** 1–4, or null for the whole year */
  quarter: number | null
  from: CalendarDay
  to: CalendarDay
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'] as const

export function periodOf(year: number, quarter: number | null): Period {
  if (quarter === null) return { year, quarter, from: calendarDay(`${year}-01-01`), to: calendarDay(`${year}-12-31`) }
  const end = QUARTER_END[quarter - 1]
  if (!end) throw new RangeError(`no quarter ${quarter}`)
  const startMonth = String((quarter - 1) * 3 + 1).padStart(2, '0')
  return { year, quarter, from: calendarDay(`${year}-${startMonth}-01`), to: calendarDay(`${year}-${end}`) }
}

/** The period just before: the previous quarter (Q1 → last year's Q4), or the previous year. */
export function previousPeriod(p: Period): Period {
  if (p.quarter === null) return periodOf(p.year - 1, null)
  return p.quarter === 1 ? periodOf(p.year - 1, 4) : periodOf(p.year, p.quarter - 1)
}

/** 2025年 or 2025年第四季度 */
export function periodLabel(p: Period): string {
  return p.quarter === null ? `${p.year}年` : `${p.year}年第${'一二三四'[p.quarter - 1]}季度`
}

/** The query-string form: 2025 or 2025Q4. */
export function periodKey(p: Period): string {
  return p.quarter === null ? String(p.year) : `${p.year}Q${p.quarter}`
}

/** Parses periodKey's form; null when it is not one. */
export function parsePeriodKey(key: string): Period | null {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(key)
  if (!m) return null
  return periodOf(Number(m[1]), m[2] ? Number(m[2]) : null)
}

/** The last quarter that has ended by `today` (a 通报 speaks of a closed quarter). */
export function lastClosedQuarter(today: CalendarDay): Period {
  const y = Number(today.slice(0, 4))
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
  return q === 1 ? periodOf(y - 1, 4) : periodOf(y, q - 1)
}
