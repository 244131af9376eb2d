import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays } from '../calendar/calendarDay.js'
import type { ComputedDay, WorkCalendar } from '../calendar/workCalendar.js'
import { isKnownYear } from '../calendar/workCalendar.js'
import { addWorkingDays, workingDaysBetween } from '../calendar/workingDays.js'
import type { ApplicationEvent, EventOf } from './events.js'
import type { ExtraAnswerKind, OutcomeCode } from './outcomes.js'
import { deriveOutcome } from './outcome.js'
import type { OnlineReceiptRule } from './receipt.js'
import { confirmedReceiptDay, letterReceivedOn } from './receipt.js'

/** Choices an agency may make differently (spec/README.md); one place, documented in docs/decisions. */
export interface ClockPolicy {
  /** 收费通知至缴费期间不计入答复期限 (project default true; docs/decisions/0002-paused-periods.md) */
  feeNoticePauses: boolean
  /** where this agency reports the Art. 36 kinds with no row of their own (default: ANSWER_KINDS; decision 0003) */
  answerKinds?: Partial<Record<ExtraAnswerKind, OutcomeCode>>
  /** 第三十一条第（三）项: when an online submission counts as confirmed (default DEFAULT_ONLINE_RECEIPT; decision 0007) */
  onlineReceipt?: OnlineReceiptRule
}

export const DEFAULT_CLOCK_POLICY: ClockPolicy = { feeNoticePauses: true }

// 《条例》第三十三条第一款
const REPLY_PERIOD = 20
// 《条例》第三十三条第二款
export const MAX_EXTENSION = 20
// 《条例》第三十条
const SUPPLEMENT_NOTICE_PERIOD = 7
// 《条例》第三十二条、第三十四条
const CONSULTATION_PERIOD = 15
// 国办函〔2020〕109号: the applicant pays within 20 working days from the day after receiving the notice
const FEE_PAYMENT_PERIOD = 20
/** 「即将到期」: this many working days left or fewer */
export const DUE_SOON_WITHIN = 3

/** One period that does not count toward the reply deadline, with its legal ground. */
interface PauseEntry {
  kind: 'thirdPartyConsultation' | 'agencyConsultation' | 'feeNotice'
  ground: string
  /** index in the event history of the event that opened / closed it (null while open) */
  openedBy: number
  closedBy: number | null
  /** the day the letter was sent: the pause starts after it */
  from: CalendarDay
  /** the day the party received the letter, recorded or presumed (decision 0006): the legal period runs from it */
  receivedOn: CalendarDay
  receiptPresumed: boolean
  /** last excluded day: the closing day, the legal limit, or today while open */
  to: CalendarDay
  /** the legal limit of the pause (15 / 20 working days after `from`) */
  limit: CalendarDay
  open: boolean
  /** working days excluded from the count */
  workingDays: number
  /** 第三十四条: the other agency did not answer within its 15 working days, so it is deemed to consent */
  deemedConsent: boolean
}

// 国办函〔2020〕109号: the last day to pay, 20 working days from the day after the notice was received (decision 0006)
export function feePaymentLastDay(notice: EventOf<'feeNoticed'>, cal: WorkCalendar): ComputedDay {
  return addWorkingDays(letterReceivedOn(notice).day, FEE_PAYMENT_PERIOD, cal)
}

// 《条例》第三十二条、第三十四条: the consulted party's 15 working days run from its receipt of the letter
export function consultationLastDay(letter: EventOf<'consultationStarted'>, cal: WorkCalendar): ComputedDay {
  return addWorkingDays(letterReceivedOn(letter).day, CONSULTATION_PERIOD, cal)
}

export interface ApplicationClock {
  receivedOn: CalendarDay
  /** 第三十条: last day to send the one 补正 notice */
  supplementBy: ComputedDay
  /** the day the 20 working days run from: receipt, or the day the completed application arrived */
  periodStartsOn: CalendarDay | null
  /** 第三十三条: 20 working days, pauses excluded; null while awaiting a supplement */
  dueBy: ComputedDay | null
  /** the due date with the extension granted, or with the maximum 20 days if none has been */
  dueByExtended: ComputedDay | null
  /** the extension in force: `days` in all over `grants` grants (第三十三条第二款: at most 20 in all); the last grant's approval */
  extension: {
    days: number
    grants: number
    approvedBy: string
    approvedOn: CalendarDay
    notifiedOn: CalendarDay
  } | null
  /** 第三十五条: the later date the office set for a bulk application, if it did */
  deferredTo: CalendarDay | null
  /** the deadline in force: the 第三十五条 date when set, else dueByExtended when extended, else dueBy */
  deadline: ComputedDay | null
  pauses: PauseEntry[]
  /** the day the case was concluded (answer, lapse, withdrawal), if it was */
  concludedOn: CalendarDay | null
  outcome: OutcomeCode | null
  /** working days left to the deadline (negative when overdue); null when concluded or no deadline */
  workingDaysLeft: number | null
  dueSoon: boolean
  overdue: boolean
  answeredLate: boolean
  /** the clock is stopped today (an open consultation or fee pause) */
  paused: boolean
  /** some date shown rests on a year whose holidays nobody has entered */
  provisional: boolean
}

const GROUNDS: Record<PauseEntry['kind'], string> = {
  thirdPartyConsultation: '《条例》第三十二条、第三十三条第三款：征求第三方意见所需时间不计算在期限内',
  agencyConsultation: '《条例》第三十四条、第三十三条第三款：征求其他机关意见所需时间不计算在期限内',
  feeNotice: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：收费通知至缴费期间不计入（本机关设置）',
}

function earlier(a: CalendarDay, b: CalendarDay): CalendarDay {
  return compareDays(a, b) <= 0 ? a : b
}

function collectPauses(
  events: readonly ApplicationEvent[],
  cal: WorkCalendar,
  today: CalendarDay,
  policy: ClockPolicy,
): PauseEntry[] {
  const pauses: PauseEntry[] = []
  let current: PauseEntry | null = null
  const open = (
    kind: PauseEntry['kind'],
    index: number,
    letter: EventOf<'consultationStarted'> | EventOf<'feeNoticed'>,
    limit: CalendarDay,
  ): void => {
    const receipt = letterReceivedOn(letter)
    current = {
      kind,
      ground: GROUNDS[kind],
      openedBy: index,
      closedBy: null,
      from: letter.on,
      receivedOn: receipt.day,
      receiptPresumed: receipt.presumed,
      to: letter.on,
      limit,
      open: true,
      workingDays: 0,
      deemedConsent: false,
    }
    pauses.push(current)
  }
  events.forEach((e, i) => {
    if (e.kind === 'supplementReceived') {
      // the period starts again: pauses before it no longer matter
      pauses.length = 0
      current = null
    } else if (e.kind === 'consultationStarted') {
      const kind = e.party === 'thirdParty' ? 'thirdPartyConsultation' : 'agencyConsultation'
      open(kind, i, e, consultationLastDay(e, cal).day)
    } else if (e.kind === 'feeNoticed' && policy.feeNoticePauses) {
      open('feeNotice', i, e, feePaymentLastDay(e, cal).day)
    } else if (current && (e.kind === 'consultationEnded' || e.kind === 'feePaid' || e.kind === 'feeLapsed')) {
      current.closedBy = i
      current.open = false
      current.to = earlier(e.on, current.limit)
      // 第三十四条: an answer after the 15 working days comes too late; consent was deemed on the last day
      current.deemedConsent = current.kind === 'agencyConsultation' && compareDays(e.on, current.limit) > 0
      current = null
    } else if (current && e.kind === 'letterReceived') {
      // the receipt date recorded later: the party's period runs from it (decision 0006)
      const opener = events[current.openedBy]
      if (opener?.kind === 'consultationStarted')
        current.limit = consultationLastDay({ ...opener, receivedOn: e.receivedOn }, cal).day
      else if (opener?.kind === 'feeNoticed')
        current.limit = feePaymentLastDay({ ...opener, receivedOn: e.receivedOn }, cal).day
      current.receivedOn = e.receivedOn
      current.receiptPresumed = false
    }
  })
  for (const p of pauses) {
    if (p.open && p.kind === 'agencyConsultation') p.deemedConsent = compareDays(today, p.limit) > 0
    if (p.open) p.to = earlier(today, p.limit)
    if (compareDays(p.to, p.from) < 0) p.to = p.from
    p.workingDays = workingDaysBetween(p.from, p.to, cal)
  }
  return pauses
}

/**
 * Every date anyone sees about an application, from its event history and the calendar
 * (DESIGN.md: one function computes each deadline). Pure: `today` is an argument.
 */
export function computeClock(
  events: readonly ApplicationEvent[],
  cal: WorkCalendar,
  today: CalendarDay,
  policy: ClockPolicy = DEFAULT_CLOCK_POLICY,
): ApplicationClock {
  const registered = events[0]
  if (!registered || registered.kind !== 'registered') throw new Error('a case history starts with its registration')
  const receivedOn = registered.on
  const supplementBy = addWorkingDays(receivedOn, SUPPLEMENT_NOTICE_PERIOD, cal)

  const onlineChannels = new Set(['online', 'fax'])
  let periodStartsOn: CalendarDay | null = receivedOn
  let extension: ApplicationClock['extension'] = null
  let deferredTo: CalendarDay | null = null
  let concludedOn: CalendarDay | null = null
  let outcome: OutcomeCode | null = null
  let answeredOn: CalendarDay | null = null
  for (const e of events) {
    if (e.kind === 'supplementRequested') periodStartsOn = null
    else if (e.kind === 'supplementReceived') {
      // 第三十条: the period runs again from the completed application's receipt, fixed as in 第三十一条
      const online = onlineChannels.has(e.via ?? registered.channel)
      periodStartsOn = online ? confirmedReceiptDay(e.on, e.at, cal, policy.onlineReceipt) : e.on
    } else if (e.kind === 'extended') {
      // 第三十三条第二款 limits the length of the extension (20 working days in all), not the number of grants
      const days: number = (extension?.days ?? 0) + e.days
      const grants: number = (extension?.grants ?? 0) + 1
      extension = { days, grants, approvedBy: e.approvedBy, approvedOn: e.approvedOn, notifiedOn: e.on }
    } else if (e.kind === 'bulkDeferred') {
      deferredTo = e.dueOn
    } else if (e.kind === 'answered') {
      concludedOn = e.on
      answeredOn = e.on
      const results = e.items.map((it) => it.result)
      outcome = e.override?.outcome ?? deriveOutcome(results, policy.answerKinds)
    } else if (e.kind === 'supplementLapsed') {
      concludedOn = e.on
      outcome = 'other.noSupplement'
    } else if (e.kind === 'feeLapsed') {
      concludedOn = e.on
      outcome = 'other.unpaidFee'
    } else if (e.kind === 'withdrawn') {
      concludedOn = e.on
      outcome = 'other.other'
    }
  }

  // a pause stops at the conclusion at the latest
  const pauses = collectPauses(events, cal, concludedOn ?? today, policy)
  // the limit day is itself excluded (the consulted party's last day), so the clock stands still through it
  const paused = concludedOn === null && pauses.some((p) => p.open && compareDays(today, p.limit) <= 0)
  const inPause = (day: CalendarDay): boolean =>
    pauses.some((p) => compareDays(day, p.from) > 0 && compareDays(day, p.to) <= 0)

  const dueBy = periodStartsOn ? addWorkingDays(periodStartsOn, REPLY_PERIOD, cal, inPause) : null
  const dueByExtended = periodStartsOn
    ? addWorkingDays(periodStartsOn, REPLY_PERIOD + (extension?.days ?? MAX_EXTENSION), cal, inPause)
    : null
  const inForce = extension ? dueByExtended : dueBy
  // 第三十五条: a reasonable later date replaces the 第三十三条 periods (never moves the deadline earlier)
  const deadline =
    deferredTo && periodStartsOn && (!inForce || compareDays(deferredTo, inForce.day) > 0)
      ? { day: deferredTo, provisional: false }
      : inForce

  let workingDaysLeft: number | null = null
  let dueSoon = false
  let overdue = false
  let answeredLate = false
  if (deadline && concludedOn === null) {
    const ahead = compareDays(today, deadline.day) <= 0
    // past the deadline: minus the working days since; a weekend right after it is 0 (never -0)
    const since = ahead ? 0 : workingDaysBetween(deadline.day, today, cal)
    workingDaysLeft = ahead ? workingDaysBetween(today, deadline.day, cal) : since === 0 ? 0 : -since
    overdue = !ahead
    dueSoon = ahead && workingDaysLeft <= DUE_SOON_WITHIN
  } else if (deadline && answeredOn !== null) {
    // only an answer can be late: a lapse or a withdrawal ends the case by the applicant's doing
    answeredLate = compareDays(answeredOn, deadline.day) > 0
  }

  const shown = [supplementBy, dueBy, dueByExtended].filter((d): d is ComputedDay => d !== null)
  const provisional =
    shown.some((d) => d.provisional) || !isKnownYear(receivedOn, cal) || pauses.some((p) => !isKnownYear(p.to, cal))

  return {
    receivedOn,
    supplementBy,
    periodStartsOn,
    dueBy,
    dueByExtended,
    extension,
    deferredTo,
    deadline,
    pauses,
    concludedOn,
    outcome,
    workingDaysLeft,
    dueSoon,
    overdue,
    answeredLate,
    paused,
    provisional,
  }
}
