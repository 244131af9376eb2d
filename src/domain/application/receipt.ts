import type { CalendarDay } from '../calendar/calendarDay.js'
import { addDays, compareDays } from '../calendar/calendarDay.js'
import type { WorkCalendar } from '../calendar/workCalendar.js'
import { nextWorkingDayFrom } from '../calendar/workingDays.js'

/** How the office sent a letter (a fee notice, a consultation letter). */
export const LETTER_CHANNELS = [
  { code: 'electronic', label: '电子（网上、电子邮件、短信、传真）' },
  { code: 'inPerson', label: '当面交付' },
  { code: 'post', label: '邮寄' },
] as const

export type LetterChannel = (typeof LETTER_CHANNELS)[number]['code']

export const LETTER_CHANNEL_CODES = LETTER_CHANNELS.map((c) => c.code)

/**
 * Calendar days after sending on which a letter is presumed received while no receipt date is recorded
 * (docs/decisions/0006-letters-received.md): electronic and in-person letters the same day (cf. 民事诉讼法
 * 第九十条第二款: the day it reaches the recipient's system); a posted letter on the 5th day (no statute fixes
 * it; the presumption errs late so the recipient never loses a day).
 */
export const PRESUMED_DELIVERY_DAYS: Record<LetterChannel, number> = { electronic: 0, inPerson: 0, post: 5 }

export interface LetterReceipt {
  day: CalendarDay
  /** true when no receipt date was recorded and the channel's presumed delivery period was used */
  presumed: boolean
}

// 《条例》第三十二条、国办函〔2020〕109号: a period that runs from the recipient's receipt of the letter (decision 0006)
export function letterReceivedOn(letter: {
  on: CalendarDay
  via?: LetterChannel
  receivedOn?: CalendarDay
}): LetterReceipt {
  if (letter.receivedOn) return { day: letter.receivedOn, presumed: false }
  // a letter recorded before the channel was asked for: received the day it was sent (the old reading)
  if (!letter.via) return { day: letter.on, presumed: true }
  return { day: addDays(letter.on, PRESUMED_DELIVERY_DAYS[letter.via]), presumed: true }
}

/** An agency's rule for confirming online (and fax) receipt: docs/decisions/0007-online-receipt.md. */
export interface OnlineReceiptRule {
  /** a submission on a non-working day or after office hours is confirmed on the next working day */
  nextWorkingDay: boolean
  /** closing time in Asia/Shanghai, 'HH:MM': a submission at or after it is after hours (one before opening is not) */
  closesAt: string
}

export const DEFAULT_ONLINE_RECEIPT: OnlineReceiptRule = { nextWorkingDay: true, closesAt: '17:30' }

// 《条例》第三十一条第（三）项：以双方确认之日为收到申请之日 (decision 0007: the office confirms on its next working day)
export function confirmedReceiptDay(
  submittedOn: CalendarDay,
  at: string | undefined,
  cal: WorkCalendar,
  rule: OnlineReceiptRule = DEFAULT_ONLINE_RECEIPT,
): CalendarDay {
  if (!rule.nextWorkingDay) return submittedOn
  const afterHours = at !== undefined && at >= rule.closesAt
  return nextWorkingDayFrom(afterHours ? addDays(submittedOn, 1) : submittedOn, cal)
}

/** A receipt date may not come before the letter was sent. */
export function receivedBeforeSent(letter: { on: CalendarDay; receivedOn?: CalendarDay }): boolean {
  return letter.receivedOn !== undefined && compareDays(letter.receivedOn, letter.on) < 0
}
