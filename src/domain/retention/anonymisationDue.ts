import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays, yearOf } from '../calendar/calendarDay.js'
import type { RetentionPeriods } from './periods.js'

/** A case as retention sees it: its state, its conclusion, and the reviews and lawsuits about it. */
export interface CaseForRetention {
  state: string
  concludedOn: CalendarDay | null
  reviews: readonly { filedOn: CalendarDay; decidedOn: CalendarDay | null }[]
}

export type RetentionDue =
  /** the case is still being handled: nothing goes */
  | { status: 'open' }
  /** a review or lawsuit about it is pending: nothing goes while it may need the file (decision 0048) */
  | { status: 'disputed' }
  | {
      status: 'scheduled'
      /** the conclusion, or the end of the last review or lawsuit about the case */
      from: CalendarDay
      /** the period that applies (the case's, or the disputed case's) */
      years: number
      /** from this day the applicant's personal data of the case is anonymised */
      caseDue: CalendarDay
      /** the applicant's uploaded files (ID proofs, attachments): never after the case */
      filesDue: CalendarDay
      /** the copies of messages sent to the applicant: never after the case */
      messagesDue: CalendarDay
    }

const CLOSED = new Set(['answered', 'delivered', 'archived'])

/** 1 January of the year after `from`, plus `years`: the first day after the period (decision 0048). */
function endOfPeriod(from: CalendarDay, years: number): CalendarDay {
  return `${String(yearOf(from) + 1 + years).padStart(4, '0')}-01-01` as CalendarDay
}

const earlier = (a: CalendarDay, b: CalendarDay) => (compareDays(a, b) <= 0 ? a : b)

/**
 * When a closed case's personal data goes: the period counts from the conclusion (`concluded_on`), or from the
 * end of the last review or lawsuit about the case, and runs, as archival periods do, from 1 January of the
 * following year (decision 0048). A case still open, or with a review or lawsuit
 * pending, is never due.
 *
 * @example anonymisationDue({ state: 'answered', concludedOn: '2020-03-02', reviews: [] }, DEFAULT_RETENTION)
 *   // → { status: 'scheduled', from: '2020-03-02', years: 10, caseDue: '2031-01-01', … }
 */
export function anonymisationDue(c: CaseForRetention, periods: RetentionPeriods): RetentionDue {
  if (!CLOSED.has(c.state) || c.concludedOn === null) return { status: 'open' }
  if (c.reviews.some((r) => r.decidedOn === null)) return { status: 'disputed' }
  const from = c.reviews.reduce<CalendarDay>(
    (last, r) => (r.decidedOn !== null && compareDays(r.decidedOn, last) > 0 ? r.decidedOn : last),
    c.concludedOn,
  )
  const years = c.reviews.length > 0 ? Math.max(periods.disputedCaseYears, periods.caseYears) : periods.caseYears
  const caseDue = endOfPeriod(from, years)
  return {
    status: 'scheduled',
    from,
    years,
    caseDue,
    filesDue: earlier(endOfPeriod(from, periods.attachmentYears), caseDue),
    messagesDue: earlier(endOfPeriod(from, periods.messageYears), caseDue),
  }
}

/** Whether `day` is on or after `due`. */
export function isDue(due: CalendarDay, day: CalendarDay): boolean {
  return compareDays(day, due) >= 0
}
