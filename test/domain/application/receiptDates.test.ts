import { describe, expect, it } from 'vitest'
import { computeClock } from '../../../src/domain/application/clock.js'
import type { ApplicationEvent, EventOf } from '../../../src/domain/application/events.js'
import type { LetterChannel } from '../../../src/domain/application/receipt.js'
import { confirmedReceiptDay, letterReceivedOn } from '../../../src/domain/application/receipt.js'
import { appendChecked, RuleViolation } from '../../../src/domain/application/rules.js'
import { d, packageCal as cal } from '../support/calendar.js'
import { ev } from '../support/events.js'

// Calendars: 国务院办公厅关于2025年、2026年部分节假日安排的通知 (as carried by chinese-days).

function letter<E extends EventOf<'feeNoticed'> | EventOf<'consultationStarted'>>(
  e: E,
  via: LetterChannel,
  receivedOn?: string,
): E {
  return { ...e, via, ...(receivedOn ? { receivedOn: d(receivedOn) } : {}) }
}

function refusal(history: ApplicationEvent[], event: ApplicationEvent): RuleViolation {
  try {
    appendChecked(history, event, cal)
  } catch (e) {
    if (e instanceof RuleViolation) return e
    throw e
  }
  throw new Error(`expected ${event.kind} on ${event.on} to be refused`)
}

describe('online receipt (《条例》第三十一条第（三）项: 双方确认之日; decision 0007)', () => {
  it('a submission on Saturday 2026-03-07 is confirmed on Monday 3/9, and due on 4/7', () => {
    const receivedOn = confirmedReceiptDay(d('2026-03-07'), '10:00', cal)
    expect(receivedOn).toBe('2026-03-09')
    // 第三十三条: 3/10 1, 11 2, 12 3, 13 4, 16 5, 17 6, 18 7, 19 8, 20 9, 23 10, 24 11, 25 12, 26 13, 27 14,
    // 30 15, 31 16, 4/1 17, 2 18, 3 19, [4/4–6 清明, 2026 notice], 4/7 20 (from the Saturday it would be 4/3)
    expect(computeClock([ev.registered(receivedOn)], cal, receivedOn).dueBy?.day).toBe('2026-04-07')
  })

  it('a submission on 国庆 2026-10-03 is confirmed on the first working day after the holiday, 10/8; due 11/4', () => {
    const receivedOn = confirmedReceiptDay(d('2026-10-03'), '09:15', cal)
    expect(receivedOn).toBe('2026-10-08')
    // 10/9 1, 10/10 Sat (调休上班, 2026 notice) 2, 12 3, 13 4, 14 5, 15 6, 16 7, 19 8, 20 9, 21 10, 22 11, 23 12,
    // 26 13, 27 14, 28 15, 29 16, 30 17, 11/2 18, 3 19, 4 20
    expect(computeClock([ev.registered(receivedOn)], cal, receivedOn).dueBy?.day).toBe('2026-11-04')
  })

  it('a submission at 23:30 on Tuesday 2026-06-16 is confirmed on Wednesday 6/17; due 7/16', () => {
    const receivedOn = confirmedReceiptDay(d('2026-06-16'), '23:30', cal)
    expect(receivedOn).toBe('2026-06-17')
    // 6/18 1, [6/19–21 端午, 2026 notice], 22 2, 23 3, 24 4, 25 5, 26 6, 29 7, 30 8, 7/1 9, 2 10, 3 11, 6 12,
    // 7 13, 8 14, 9 15, 10 16, 13 17, 14 18, 15 19, 16 20
    expect(computeClock([ev.registered(receivedOn)], cal, receivedOn).dueBy?.day).toBe('2026-07-16')
  })

  it('within office hours, and before opening on a working day, the submission day is the receipt day', () => {
    expect(confirmedReceiptDay(d('2026-06-16'), '16:59', cal)).toBe('2026-06-16')
    expect(confirmedReceiptDay(d('2026-06-16'), '07:50', cal)).toBe('2026-06-16')
  })

  it('an agency that confirms on the day itself (setting nextWorkingDay: false) keeps the Saturday', () => {
    const sameDay = { nextWorkingDay: false, closesAt: '17:30' }
    expect(confirmedReceiptDay(d('2026-03-07'), '23:30', cal, sameDay)).toBe('2026-03-07')
  })

  it('an agency with other office hours: 18:00 is still within hours when it closes at 18:30', () => {
    const late = { nextWorkingDay: true, closesAt: '18:30' }
    expect(confirmedReceiptDay(d('2026-06-16'), '18:00', cal, late)).toBe('2026-06-16')
    expect(confirmedReceiptDay(d('2026-06-16'), '18:30', cal, late)).toBe('2026-06-17')
  })
})

describe('a supplement received on a holiday (《条例》第三十条、第三十一条第（三）项)', () => {
  const history = (via: 'online' | 'letter') => [
    ev.registered('2025-04-21'),
    ev.supplementRequested('2025-04-23', '2025-05-20'),
    { ...ev.supplementReceived('2025-05-03'), via },
  ]

  it('sent online on 劳动节 2025-05-03, it is confirmed on Tuesday 5/6 and the 20 days run from then: due 6/4', () => {
    const clock = computeClock(history('online'), cal, d('2025-05-06'))
    expect(clock.periodStartsOn).toBe('2025-05-06')
    // 5/7 1, 8 2, 9 3, 12 4, 13 5, 14 6, 15 7, 16 8, 19 9, 20 10, 21 11, 22 12, 23 13, 26 14, 27 15, 28 16,
    // 29 17, 30 18, [5/31–6/2 端午, 2025 notice], 6/3 19, 6/4 20
    expect(clock.dueBy?.day).toBe('2025-06-04')
  })

  it('a paper supplement signed for that day keeps its day (第三十一条第（二）项): due one working day earlier, 6/3', () => {
    const clock = computeClock(history('letter'), cal, d('2025-05-06'))
    expect(clock.periodStartsOn).toBe('2025-05-03')
    // 5/6 1, 7 2, 8 3, 9 4, 12 5, … 30 19, [5/31–6/2], 6/3 20
    expect(clock.dueBy?.day).toBe('2025-06-03')
  })
})

describe('third-party consultation: 15 working days from its receipt of the letter (《条例》第三十二条、第三十三条第三款)', () => {
  // received Monday 2026-03-02; plain due 3/30 (3/3 1 … 3/27 19, 3/30 20)
  const registered = ev.registered('2026-03-02')
  const sent = ev.consultationStarted('2026-03-10')

  it('a letter sent 3/10 and received 3/13 gives the third party until 4/3 (from sending it would be 3/31)', () => {
    const clock = computeClock([registered, letter(sent, 'post', '2026-03-13')], cal, d('2026-04-20'))
    // from 3/13: 3/16 1, 17 2, 18 3, 19 4, 20 5, 23 6, 24 7, 25 8, 26 9, 27 10, 30 11, 31 12, 4/1 13, 2 14, 3 15
    // excluded 3/11–4/3: 3/11, 12, 13 (3), 3/16–20 (8), 3/23–27 (13), 3/30, 31 (15), 4/1, 2, 3 (18)
    expect(clock.pauses[0]).toMatchObject({
      from: '2026-03-10',
      receivedOn: '2026-03-13',
      receiptPresumed: false,
      limit: '2026-04-03',
      workingDays: 18,
    })
    // 3/3 1, 4 2, 5 3, 6 4, 9 5, 10 6, [3/11–4/3 paused], [4/4–6 清明], 4/7 7, 8 8, 9 9, 10 10, 13 11, 14 12,
    // 15 13, 16 14, 17 15, 20 16, 21 17, 22 18, 23 19, 24 20
    expect(clock.dueBy?.day).toBe('2026-04-24')
  })

  it('with no receipt date, a posted letter is presumed received on the 5th day (decision 0006): 3/15, limit 4/3', () => {
    const clock = computeClock([registered, letter(sent, 'post')], cal, d('2026-04-20'))
    // 3/10 + 5 calendar days = Sunday 3/15; 3/16 1 … 4/3 15 as above
    expect(clock.pauses[0]).toMatchObject({ receivedOn: '2026-03-15', receiptPresumed: true, limit: '2026-04-03' })
  })

  it('an e-mailed letter is presumed received the day it is sent: 3/11 1 … 3/31 15', () => {
    const clock = computeClock([registered, letter(sent, 'electronic')], cal, d('2026-04-20'))
    expect(clock.pauses[0]).toMatchObject({ receivedOn: '2026-03-10', receiptPresumed: true, limit: '2026-03-31' })
  })

  it('a receipt date before the sending date is refused', () => {
    const v = refusal([registered], letter(sent, 'post', '2026-03-09'))
    expect(v).toMatchObject({ field: 'receivedOn' })
  })
})

describe('deemed consent (《条例》第三十四条: no answer within 15 working days is consent)', () => {
  const history = [
    ev.registered('2026-03-02'),
    letter(ev.consultationStarted('2026-03-10', 'otherAgency'), 'electronic'),
  ]
  // electronic: received 3/10; 3/11 1 … 3/31 15

  it('on the 15th working day the other agency may still answer', () => {
    expect(computeClock(history, cal, d('2026-03-31')).pauses[0]?.deemedConsent).toBe(false)
  })

  it('the next day its consent is deemed, and the clock runs again', () => {
    const clock = computeClock(history, cal, d('2026-04-01'))
    expect(clock.pauses[0]).toMatchObject({ deemedConsent: true, limit: '2026-03-31' })
    expect(clock.paused).toBe(false)
  })

  it('an answer within the 15 days is no deemed consent', () => {
    const clock = computeClock([...history, ev.consultationEnded('2026-03-20', '同意公开')], cal, d('2026-04-20'))
    expect(clock.pauses[0]?.deemedConsent).toBe(false)
  })
})

describe('fees: 20 working days to pay from the day after receiving the notice (国办函〔2020〕109号)', () => {
  // received Tuesday 2025-06-03; plain due 7/1: 6/4 1, 5 2, 6 3, 9 4, 10 5, 11 6, 12 7, 13 8, 16 9, 17 10,
  // 18 11, 19 12, 20 13, 23 14, 24 15, 25 16, 26 17, 27 18, 30 19, 7/1 20
  const registered = ev.registered('2025-06-03')
  // sent Tuesday 6/10, received Friday 6/13: 6/16 1, 17 2, 18 3, 19 4, 20 5, 23 6, 24 7, 25 8, 26 9, 27 10,
  // 30 11, 7/1 12, 2 13, 3 14, 4 15, 7 16, 8 17, 9 18, 10 19, 11 20 — the last day to pay is Friday 7/11
  // (counted from sending it would be 7/8, which let 逾期未缴费 be recorded on 7/9: issue 11)
  const notice = letter(ev.feeNoticed('2025-06-10'), 'post', '2025-06-13')
  const history = [registered, notice]

  it('逾期未缴费 is refused on 7/9 and on the last day 7/11, and accepted on Monday 7/14', () => {
    expect(refusal(history, ev.feeLapsed('2025-07-09'))).toMatchObject({ field: 'on' })
    expect(refusal(history, ev.feeLapsed('2025-07-10')).message).toContain('缴费期限（2025-07-11）尚未届满')
    expect(refusal(history, ev.feeLapsed('2025-07-11')).message).toContain('缴费期限（2025-07-11）尚未届满')
    expect(appendChecked(history, ev.feeLapsed('2025-07-14'), cal).at(-1)?.kind).toBe('feeLapsed')
  })

  it('paid on the last day 7/11, the pause covers 6/11–7/11 and the answer is due 8/1', () => {
    const paid = appendChecked(history, ev.feePaid('2025-07-11'), cal)
    const clock = computeClock(paid, cal, d('2025-07-11'))
    // excluded: 6/11, 12, 13 (3), 6/16–20 (8), 6/23–27 (13), 6/30, 7/1–4 (18), 7/7–11 (23)
    expect(clock.pauses[0]).toMatchObject({ receivedOn: '2025-06-13', limit: '2025-07-11', workingDays: 23 })
    // 6/4 1, 5 2, 6 3, 9 4, 10 5, [6/11–7/11], 7/14 6, 15 7, 16 8, 17 9, 18 10, 21 11, 22 12, 23 13, 24 14,
    // 25 15, 28 16, 29 17, 30 18, 31 19, 8/1 20
    expect(clock.dueBy?.day).toBe('2025-08-01')
  })

  it('a fee notice after the answer deadline (7/1) is refused; on the deadline it is accepted', () => {
    expect(refusal([registered], ev.feeNoticed('2025-07-02')).message).toContain('答复期限（2025-07-01）')
    expect(appendChecked([registered], ev.feeNoticed('2025-07-01'), cal)).toHaveLength(2)
  })
})

describe('a second extension (《条例》第三十三条第二款 limits the length, 20 working days, not the count)', () => {
  // received Monday 2026-09-28: due 10/30 (9/29 1, 30 2, [10/1–7 国庆], 10/8 3, 9 4, 10/10 Sat 5 … 10/30 20)
  const first = [ev.registered('2026-09-28'), ev.extended('2026-10-20', 10)]

  it('10 + 10 is allowed: 11/13 after the first, 11/27 after the second', () => {
    // first: 11/2 21, 3 22, 4 23, 5 24, 6 25, 9 26, 10 27, 11 28, 12 29, 13 30
    expect(computeClock(first, cal, d('2026-10-20')).deadline?.day).toBe('2026-11-13')
    const both = appendChecked(first, ev.extended('2026-11-10', 10), cal)
    const clock = computeClock(both, cal, d('2026-11-10'))
    // second: 11/16 31, 17 32, 18 33, 19 34, 20 35, 23 36, 24 37, 25 38, 26 39, 27 40
    expect(clock.deadline?.day).toBe('2026-11-27')
    expect(clock.extension).toMatchObject({ days: 20, grants: 2 })
  })

  it('10 + 11 is refused, naming the days left', () => {
    const v = refusal(first, ev.extended('2026-11-10', 11))
    expect(v.field).toBe('days')
    expect(v.message).toContain('再延长最多10个工作日')
  })

  it('a second extension told after the extended deadline (11/13) is refused', () => {
    expect(refusal(first, ev.extended('2026-11-16', 5))).toMatchObject({ field: 'on' })
  })
})

describe('letters recorded before issue 11 carry no channel', () => {
  it('they are read as received the day they were sent, as before', () => {
    expect(letterReceivedOn(ev.feeNoticed('2026-03-10'))).toEqual({ day: '2026-03-10', presumed: true })
  })
})

describe('bulk applications (《条例》第三十五条: reasons, then a reasonable later date)', () => {
  // received Monday 2026-09-28: due 10/30 (as above)
  const received = ev.registered('2026-09-28')
  const asked: ApplicationEvent = {
    kind: 'reasonsRequested',
    on: d('2026-10-09'),
    request: '请说明本月提出42件申请的用途',
  }
  const deferred = (on: string, dueOn: string): ApplicationEvent => ({
    kind: 'bulkDeferred',
    on: d(on),
    dueOn: d(dueOn),
    reason: '需逐件检索42件申请所涉档案',
  })

  it('after the applicant was asked for reasons, the office sets 12/15 and that is the deadline in force', () => {
    const history = appendChecked(appendChecked([received], asked, cal), deferred('2026-10-20', '2026-12-15'), cal)
    const clock = computeClock(history, cal, d('2026-10-20'))
    expect(clock.deferredTo).toBe('2026-12-15')
    expect(clock.deadline?.day).toBe('2026-12-15')
    expect(computeClock([...history, ev.answered('2026-12-15')], cal, d('2026-12-15')).answeredLate).toBe(false)
    expect(computeClock([...history, ev.answered('2026-12-16')], cal, d('2026-12-16')).answeredLate).toBe(true)
  })

  it('a later date without asking for reasons first is refused', () => {
    expect(refusal([received], deferred('2026-10-20', '2026-12-15')).field).toBe('kind')
  })

  it('a "later" date that is not after the deadline in force (10/30) is refused', () => {
    expect(refusal([received, asked], deferred('2026-10-20', '2026-10-30')).field).toBe('dueOn')
  })
})

describe('a receipt date recorded later, when the 回执 comes back (decision 0006)', () => {
  it('a fee notice e-mailed 6/10 is presumed received that day (last day to pay 7/8) until 6/13 is recorded: then 7/11', () => {
    const registered = ev.registered('2025-06-03')
    const notice = letter(ev.feeNoticed('2025-06-10'), 'electronic')
    // presumed 6/10: 6/11 1, 12 2, 13 3, 16 4 … 7/8 20
    expect(appendChecked([registered, notice], ev.feeLapsed('2025-07-09'), cal)).toHaveLength(3)
    const receipt: ApplicationEvent = { kind: 'letterReceived', on: d('2025-06-20'), receivedOn: d('2025-06-13') }
    const history = appendChecked([registered, notice], receipt, cal)
    // received 6/13: 6/16 1 … 7/11 20 (as in the fee tests above)
    expect(refusal(history, ev.feeLapsed('2025-07-09')).message).toContain('缴费期限（2025-07-11）尚未届满')
    expect(computeClock(history, cal, d('2025-06-20')).pauses[0]).toMatchObject({
      receivedOn: '2025-06-13',
      receiptPresumed: false,
      limit: '2025-07-11',
    })
  })

  it('a consultation letter e-mailed 3/10 (limit 3/31) is received 3/13 by its 回执: the limit moves to 4/3', () => {
    const history = [
      ev.registered('2026-03-02'),
      letter(ev.consultationStarted('2026-03-10'), 'electronic'),
      { kind: 'letterReceived', on: d('2026-03-16'), receivedOn: d('2026-03-13') } as const,
    ]
    expect(computeClock(history, cal, d('2026-04-20')).pauses[0]).toMatchObject({ limit: '2026-04-03' })
  })

  it('a receipt date before the letter was sent is refused', () => {
    const history = [ev.registered('2026-03-02'), letter(ev.consultationStarted('2026-03-10'), 'electronic')]
    const early: ApplicationEvent = { kind: 'letterReceived', on: d('2026-03-16'), receivedOn: d('2026-03-09') }
    expect(refusal(history, early).field).toBe('receivedOn')
  })
})
