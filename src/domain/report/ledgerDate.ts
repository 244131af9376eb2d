import type { CalendarDay } from '../calendar/calendarDay.js'
import { addDays, isCalendarDay } from '../calendar/calendarDay.js'

// Dates as offices' ledgers hold them: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, or an Excel date serial
// (a cell saved as a number, or as text). A date that can be read more than one way (5/1/2023: May or
// January?) is not read: the caller reports it.

/** Excel's day 0 in the 1900 date system (serial 60 is the 1900-02-29 Excel invented; later serials count from here) */
const EXCEL_EPOCH = '1899-12-30' as CalendarDay
/** serials of 1990-01-01 … 2100-12-31: a ledger's dates are in this span; other integers are not dates */
const SERIAL_MIN = 32874
const SERIAL_MAX = 73415

const pad = (n: string) => n.padStart(2, '0')

/** The day a ledger cell names, or undefined when it names none unambiguously. */
export function ledgerDate(raw: string): CalendarDay | undefined {
  const v = raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－／．]/g, (c) => ({ '－': '-', '／': '/', '．': '.' })[c] ?? c)
    .trim()
  const ymd =
    /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(
      v,
    )
  if (ymd) {
    const [, year, month = ymd[4] ?? '', day = ymd[5] ?? ''] = ymd
    const iso = `${year}-${pad(month)}-${pad(day)}`
    return isCalendarDay(iso) ? iso : undefined
  }
  // a serial with a fraction holds a time of day too
  if (/^\d{5}(?:\.\d+)?$/.test(v)) {
    const serial = Math.floor(Number(v))
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return addDays(EXCEL_EPOCH, serial)
  }
  return undefined
}
