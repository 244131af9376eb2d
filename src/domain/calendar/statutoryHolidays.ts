// a CommonJS (UMD) bundle: Node's ESM loader sees only its default export
import chineseDays from 'chinese-days'
import type { CalendarDay } from './calendarDay.js'
import { addDays } from './calendarDay.js'

const cache = new Map<number, ReadonlySet<string>>()

/**
 * The solar day of lunar month/day in the months from `fromMonth` (solar) on. `getLunarDate` reads a
 * 'YYYY-MM-DD' string as UTC and counts whole days from a fixed instant, so it gives the same answer in every
 * time zone (the package's lunar-to-solar and solar-term functions do not: they format in local time).
 */
function lunarDay(year: number, fromMonth: number, month: number, day: number): CalendarDay {
  let d = `${year}-${String(fromMonth).padStart(2, '0')}-01` as CalendarDay
  for (let i = 0; i < 70; i++, d = addDays(d, 1)) {
    const l = chineseDays.getLunarDate(d)
    if (!l.isLeap && l.lunarMon === month && l.lunarDay === day) return d
  }
  throw new RangeError(`no lunar ${month}/${day} found in ${year}`)
}

/** 清明: the solar term's day by the 寿星 formula for 2000–2099 (no exceptions for 清明 in that century). */
function qingming(year: number): CalendarDay {
  const y = year % 100
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4)
  return `${year}-04-${String(day).padStart(2, '0')}` as CalendarDay
}

/**
 * 《全国年节及纪念日放假办法》第二条（国务院令第795号修订，2025年1月1日起施行）: the days off every year has
 * before its State Council notice comes: 元旦 1/1; 春节 除夕 and 正月初一至初三; 清明 (the solar term's day);
 * 劳动节 5/1–5/2; 端午 农历五月初五; 中秋 农历八月十五; 国庆 10/1–10/3. Only for a year nobody has entered, and
 * always marked 暂定 (docs/decisions/0008-the-unknown-year.md): the notice's bridging days and 调休 are not guessed.
 * @example statutoryHolidays(2027).has('2027-02-05') → true (除夕)
 */
export function statutoryHolidays(year: number): ReadonlySet<string> {
  const hit = cache.get(year)
  if (hit) return hit
  const y = String(year)
  const springFestival = lunarDay(year, 1, 1, 1)
  const days = new Set<string>([
    `${y}-01-01`,
    addDays(springFestival, -1),
    springFestival,
    addDays(springFestival, 1),
    addDays(springFestival, 2),
    qingming(year),
    `${y}-05-01`,
    `${y}-05-02`,
    lunarDay(year, 5, 5, 5),
    lunarDay(year, 8, 8, 15),
    `${y}-10-01`,
    `${y}-10-02`,
    `${y}-10-03`,
  ])
  cache.set(year, days)
  return days
}
