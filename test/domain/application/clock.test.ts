import { describe, expect, it } from 'vitest'
import type { ReceiptBasis } from '../../../src/domain/application/events.js'
import type { Channel } from '../../../src/domain/application/applicant.js'
import { computeClock } from '../../../src/domain/application/clock.js'
import { d, packageCal } from '../support/calendar.js'
import { ev } from '../support/events.js'

// Every expected date is counted by hand from the State Council notices (law-and-formats.md §0); the count is
// written beside it. Day zero (receipt, supplement, pause start) is never counted (docs/decisions/0001).
// Pauses exclude the working days after their first day up to and including their last (docs/decisions/0002).

const cal = packageCal

describe('receipt (《条例》第三十一条): the receipt date is the day of the registering event, whatever the channel', () => {
  const channels: [Channel, ReceiptBasis, string][] = [
    ['inPerson', 'submitted', '当面提交之日'],
    ['letter', 'signedFor', '挂号信：签收之日'],
    ['letter', 'confirmedWithApplicant', '平信：与申请人确认之日'],
    ['online', 'systemConfirmed', '网络：双方确认之日'],
    ['fax', 'faxConfirmed', '传真：双方确认之日'],
  ]
  it.each(channels)('%s / %s (%s): received 2026-09-28, counting starts the next working day', (channel, basis) => {
    const clock = computeClock([ev.registered('2026-09-28', channel, basis)], cal, d('2026-09-28'))
    expect(clock.receivedOn).toBe('2026-09-28')
    // 9/29 1, 9/30 2, [10/1–7 off], 10/8 3, 9 4, 10/10 Sat make-up 5, 12 6, 13 7
    expect(clock.supplementBy.day).toBe('2026-10-13')
    // … 10/13 7, 14 8, 15 9, 16 10, 19 11, 20 12, 21 13, 22 14, 23 15, 26 16, 27 17, 28 18, 29 19, 30 20
    expect(clock.dueBy?.day).toBe('2026-10-30')
  })

  it('an online application confirmed on a 国庆 holiday is received that day and counted from the next working day', () => {
    const clock = computeClock([ev.registered('2026-10-03', 'online', 'systemConfirmed')], cal, d('2026-10-03'))
    expect(clock.receivedOn).toBe('2026-10-03')
    // [10/4–7 off], 10/8 1, 9 2, 10/10 Sat 3, 12 4, 13 5, 14 6, 15 7, 16 8, 19 9, 20 10, 21 11, 22 12, 23 13,
    // 26 14, 27 15, 28 16, 29 17, 30 18, 11/2 19, 11/3 20
    expect(clock.dueBy?.day).toBe('2026-11-03')
    // 10/8 1, 9 2, 10/10 3, 12 4, 13 5, 14 6, 15 7
    expect(clock.supplementBy.day).toBe('2026-10-15')
  })

  it('a history must start with the registration', () => {
    expect(() => computeClock([ev.assigned('2026-09-28')], cal, d('2026-09-28'))).toThrow()
    expect(() => computeClock([], cal, d('2026-09-28'))).toThrow()
  })
})

describe('the reply period (《条例》第三十三条第一款)', () => {
  it('reply is due on the 20th working day after receipt (2025 春节: 1/28–2/4 off, 1/26 and 2/8 make-up)', () => {
    const clock = computeClock([ev.registered('2025-01-24')], cal, d('2025-01-24'))
    // 1/26 Sun 1, 27 2, [1/28–2/4], 2/5 3, 6 4, 7 5, 2/8 Sat 6, 10 7, 11 8, 12 9, 13 10, 14 11, 17 12, 18 13,
    // 19 14, 20 15, 21 16, 24 17, 25 18, 26 19, 27 20
    expect(clock.dueBy).toEqual({ day: '2025-02-27', provisional: false })
    expect(clock.deadline).toEqual(clock.dueBy)
    expect(clock.periodStartsOn).toBe('2025-01-24')
  })

  it('the supplement notice is due by the 7th working day after receipt (2024 春节)', () => {
    const clock = computeClock([ev.registered('2024-02-08')], cal, d('2024-02-08'))
    // 2/9 1, [2/10–17], 2/18 Sun 2, 19 3, 20 4, 21 5, 22 6, 23 7
    expect(clock.supplementBy).toEqual({ day: '2024-02-23', provisional: false })
  })

  it('without an extension, the extended date shown is the one with the full 20 more working days', () => {
    const clock = computeClock([ev.registered('2026-09-28')], cal, d('2026-09-28'))
    // 10/30 20, 11/2 21, 3 22, 4 23, 5 24, 6 25, 9 26, 10 27, 11 28, 12 29, 13 30, 16 31, 17 32, 18 33, 19 34,
    // 20 35, 23 36, 24 37, 25 38, 26 39, 27 40
    expect(clock.dueByExtended?.day).toBe('2026-11-27')
    expect(clock.extension).toBeNull()
    expect(clock.deadline?.day).toBe('2026-10-30')
  })
})

describe('补正 (《条例》第三十条): the period starts again from the day the completed application arrives', () => {
  const requested = [ev.registered('2025-09-26'), ev.supplementRequested('2025-09-30', '2025-10-20')]

  it('while awaiting the supplement there is no reply deadline', () => {
    const clock = computeClock(requested, cal, d('2025-10-10'))
    expect(clock.periodStartsOn).toBeNull()
    expect(clock.dueBy).toBeNull()
    expect(clock.deadline).toBeNull()
    expect(clock.overdue).toBe(false)
    expect(clock.dueSoon).toBe(false)
    // the notice deadline stays on record: 9/28 Sun 1, 29 2, 30 3, [10/1–8], 10/9 4, 10 5, 10/11 Sat 6, 13 7
    expect(clock.supplementBy.day).toBe('2025-10-13')
  })

  it('the 20 working days run from the completion day, not from the first receipt', () => {
    const clock = computeClock([...requested, ev.supplementReceived('2025-10-15')], cal, d('2025-10-15'))
    expect(clock.periodStartsOn).toBe('2025-10-15')
    // 10/16 1, 17 2, 20 3, 21 4, 22 5, 23 6, 24 7, 27 8, 28 9, 29 10, 30 11, 31 12, 11/3 13, 4 14, 5 15,
    // 6 16, 7 17, 10 18, 11 19, 12 20 (from the first receipt it would have been 10/30)
    expect(clock.dueBy?.day).toBe('2025-11-12')
  })

  it('a supplement completed on a holiday restarts the period from the next working day (2026 国庆)', () => {
    const clock = computeClock(
      [
        ev.registered('2026-09-21'),
        ev.supplementRequested('2026-09-22', '2026-10-16'),
        ev.supplementReceived('2026-10-02'),
      ],
      cal,
      d('2026-10-02'),
    )
    // 《条例》第三十一条第（三）项 (issue 11, decision 0007): an online supplement sent on the holiday 10/2 is
    // confirmed on the next working day, 10/8, which is day zero (before issue 11 this test expected 11/3,
    // counting from 10/2): [10/3–7], 10/8 received, 9 1, 10/10 Sat 2, 12 3, 13 4, 14 5, 15 6, 16 7, 19 8,
    // 20 9, 21 10, 22 11, 23 12, 26 13, 27 14, 28 15, 29 16, 30 17, 11/2 18, 3 19, 4 20
    expect(clock.periodStartsOn).toBe('2026-10-08')
    expect(clock.dueBy?.day).toBe('2026-11-04')
  })

  it('an applicant who lets the set date pass ends the case as 其他处理 · 逾期不补正, never answered late', () => {
    const clock = computeClock(
      [
        ev.registered('2026-09-28'),
        ev.supplementRequested('2026-09-29', '2026-10-16'),
        ev.supplementLapsed('2026-10-19'),
      ],
      cal,
      d('2026-12-01'),
    )
    expect(clock.outcome).toBe('other.noSupplement')
    expect(clock.concludedOn).toBe('2026-10-19')
    expect(clock.answeredLate).toBe(false)
    expect(clock.overdue).toBe(false)
  })

  it('a pause before the supplement no longer counts once the period starts again', () => {
    const clock = computeClock(
      [
        ev.registered('2026-03-02'),
        ev.consultationStarted('2026-03-03'),
        ev.consultationEnded('2026-03-05'),
        ev.supplementRequested('2026-03-06', '2026-03-20'),
        ev.supplementReceived('2026-03-16'),
      ],
      cal,
      d('2026-03-16'),
    )
    expect(clock.pauses).toEqual([])
    // 3/17 1, 18 2, 19 3, 20 4, 23 5, 24 6, 25 7, 26 8, 27 9, 30 10, 31 11, 4/1 12, 2 13, 3 14, [4/4–6 清明],
    // 7 15, 8 16, 9 17, 10 18, 13 19, 14 20
    expect(clock.dueBy?.day).toBe('2026-04-14')
  })
})

describe('consultation (《条例》第三十二条、第三十四条、第三十三条第三款): the time does not count', () => {
  // received Monday 2026-03-02; plain due: 3/3 1, 4 2, 5 3, 6 4, 9 5, 10 6, 11 7, … 27 19, 30 20
  const received = ev.registered('2026-03-02')

  it('without a pause, the plain due date (reference for the rows below)', () => {
    expect(computeClock([received], cal, d('2026-03-02')).dueBy?.day).toBe('2026-03-30')
  })

  it('a third-party consultation from 3/10 to 3/17 excludes 5 working days and pushes the reply past 清明', () => {
    const events = [
      received,
      ev.assigned('2026-03-03'),
      ev.consultationStarted('2026-03-10', 'thirdParty'),
      ev.consultationEnded('2026-03-17'),
    ]
    const clock = computeClock(events, cal, d('2026-03-17'))
    // 3/3 1, 4 2, 5 3, 6 4, 9 5, 10 6, [3/11, 12, 13, 16, 17 paused], 18 7, 19 8, 20 9, 23 10, 24 11, 25 12,
    // 26 13, 27 14, 30 15, 31 16, 4/1 17, 2 18, 3 19, [4/4–6 清明], 4/7 20
    expect(clock.dueBy?.day).toBe('2026-04-07')
    expect(clock.pauses).toHaveLength(1)
    const [p] = clock.pauses
    expect(p).toMatchObject({
      kind: 'thirdPartyConsultation',
      openedBy: 2,
      closedBy: 3,
      from: '2026-03-10',
      to: '2026-03-17',
      open: false,
      workingDays: 5,
      // 3/11 1, 12 2, 13 3, 16 4, 17 5, 18 6, 19 7, 20 8, 23 9, 24 10, 25 11, 26 12, 27 13, 30 14, 31 15
      limit: '2026-03-31',
    })
    expect(p?.ground).toContain('第三十二条')
    expect(p?.ground).toContain('第三十三条第三款')
    expect(clock.paused).toBe(false)
  })

  it('the extension is counted after the pause too (劳动节 5/1–5 inside)', () => {
    const clock = computeClock(
      [received, ev.consultationStarted('2026-03-10'), ev.consultationEnded('2026-03-17')],
      cal,
      d('2026-03-17'),
    )
    // 4/7 20, 8 21, 9 22, 10 23, 13 24, 14 25, 15 26, 16 27, 17 28, 20 29, 21 30, 22 31, 23 32, 24 33, 27 34,
    // 28 35, 29 36, 30 37, [5/1–5], 5/6 38, 7 39, 8 40
    expect(clock.dueByExtended?.day).toBe('2026-05-08')
  })

  it('a consultation with another agency is excluded on the ground of 第三十四条', () => {
    const clock = computeClock(
      [
        received,
        ev.consultationStarted('2026-03-10', 'otherAgency', '市自然资源和规划局'),
        ev.consultationEnded('2026-03-17'),
      ],
      cal,
      d('2026-03-17'),
    )
    expect(clock.pauses[0]?.kind).toBe('agencyConsultation')
    expect(clock.pauses[0]?.ground).toContain('第三十四条')
    expect(clock.dueBy?.day).toBe('2026-04-07')
  })

  it('a consultation pause is capped at the 15th working day after the letter, however late the reply', () => {
    const clock = computeClock(
      [received, ev.consultationStarted('2026-03-10'), ev.consultationEnded('2026-04-20')],
      cal,
      d('2026-04-20'),
    )
    expect(clock.pauses[0]).toMatchObject({ to: '2026-03-31', workingDays: 15, closedBy: 2 })
    // 3/3 … 3/10 6, [3/11–3/31: 15 paused], 4/1 7, 2 8, 3 9, [4/4–6], 7 10, 8 11, 9 12, 10 13, 13 14, 14 15,
    // 15 16, 16 17, 17 18, 20 19, 21 20
    expect(clock.dueBy?.day).toBe('2026-04-21')
  })

  it('while a consultation is open the clock is stopped and the due date moves on each day', () => {
    const events = [received, ev.consultationStarted('2026-03-10')]
    const clock = computeClock(events, cal, d('2026-03-13'))
    expect(clock.paused).toBe(true)
    expect(clock.pauses[0]).toMatchObject({ open: true, closedBy: null, to: '2026-03-13', workingDays: 3 })
    // 3/3 … 3/10 6, [3/11, 12, 13 paused], 16 7, 17 8, 18 9, 19 10, 20 11, 23 12, 24 13, 25 14, 26 15, 27 16,
    // 30 17, 31 18, 4/1 19, 4/2 20
    expect(clock.dueBy?.day).toBe('2026-04-02')
    // one working day later, one day later: 4/3
    expect(computeClock(events, cal, d('2026-03-16')).dueBy?.day).toBe('2026-04-03')
  })

  it("on the last day of the consulted party's 15 working days the clock is still stopped", () => {
    const clock = computeClock([received, ev.consultationStarted('2026-03-10')], cal, d('2026-03-31'))
    expect(clock.paused).toBe(true)
    expect(clock.pauses[0]).toMatchObject({ to: '2026-03-31', workingDays: 15 })
  })

  it('after the 15th working day an unanswered consultation no longer stops the clock', () => {
    const clock = computeClock([received, ev.consultationStarted('2026-03-10')], cal, d('2026-04-01'))
    expect(clock.paused).toBe(false)
    expect(clock.pauses[0]).toMatchObject({ open: true, to: '2026-03-31', workingDays: 15 })
    expect(clock.dueBy?.day).toBe('2026-04-21')
  })

  it('a consultation across 国庆 2025 excludes only the working days in it (9/28 Sun and 10/11 Sat are make-up days)', () => {
    const clock = computeClock(
      [ev.registered('2025-09-15'), ev.consultationStarted('2025-09-25'), ev.consultationEnded('2025-10-10')],
      cal,
      d('2025-10-10'),
    )
    // paused: 9/26, 9/28 Sun, 9/29, 9/30, [10/1–8 off], 10/9, 10/10 = 6 working days
    expect(clock.pauses[0]?.workingDays).toBe(6)
    // 9/16 1, 17 2, 18 3, 19 4, 22 5, 23 6, 24 7, 25 8, [paused], 10/11 Sat 9, 13 10, 14 11, 15 12, 16 13,
    // 17 14, 20 15, 21 16, 22 17, 23 18, 24 19, 27 20
    expect(clock.dueBy?.day).toBe('2025-10-27')
  })
})

describe('fee notice to payment (国办函〔2020〕109号; policy feeNoticePauses)', () => {
  // received Monday 2024-09-02, fee noticed 9/10, paid 9/20
  const events = [ev.registered('2024-09-02'), ev.feeNoticed('2024-09-10', 120), ev.feePaid('2024-09-20')]

  it('by default the days from notice to payment do not count (2024 中秋 and 国庆 inside)', () => {
    const clock = computeClock(events, cal, d('2024-09-20'))
    // paused: 9/11, 12, 13, 9/14 Sat make-up, [9/15–17 中秋], 18, 19, 20 = 7 working days
    expect(clock.pauses).toEqual([
      expect.objectContaining({
        kind: 'feeNotice',
        openedBy: 1,
        closedBy: 2,
        from: '2024-09-10',
        to: '2024-09-20',
        workingDays: 7,
      }),
    ])
    expect(clock.pauses[0]?.ground).toContain('国办函〔2020〕109号')
    // 9/3 1, 4 2, 5 3, 6 4, 9 5, 10 6, [paused], 23 7, 24 8, 25 9, 26 10, 27 11, 9/29 Sun 12, 30 13,
    // [10/1–7], 10/8 14, 9 15, 10 16, 11 17, 10/12 Sat 18, 14 19, 15 20
    expect(clock.dueBy?.day).toBe('2024-10-15')
  })

  it('an agency that counts the fee time (feeNoticePauses = false) has no pause and the plain due date', () => {
    const clock = computeClock(events, cal, d('2024-09-20'), { feeNoticePauses: false })
    expect(clock.pauses).toEqual([])
    // 9/3 1, 4 2, 5 3, 6 4, 9 5, 10 6, 11 7, 12 8, 13 9, 9/14 Sat 10, [9/15–17], 18 11, 19 12, 20 13, 23 14,
    // 24 15, 25 16, 26 17, 27 18, 9/29 Sun 19, 30 20
    expect(clock.dueBy?.day).toBe('2024-09-30')
  })

  it('the fee pause ends at the latest on the 20th working day after the notice', () => {
    const clock = computeClock([ev.registered('2024-09-02'), ev.feeNoticed('2024-09-10')], cal, d('2024-11-01'))
    // 9/11 1, 12 2, 13 3, 9/14 Sat 4, 18 5, 19 6, 20 7, 23 8, 24 9, 25 10, 26 11, 27 12, 9/29 Sun 13, 30 14,
    // 10/8 15, 9 16, 10 17, 11 18, 10/12 Sat 19, 14 20
    expect(clock.pauses[0]).toMatchObject({ limit: '2024-10-14', to: '2024-10-14', workingDays: 20 })
  })

  it('an unpaid fee ends the case as 其他处理 · 逾期未缴费', () => {
    const clock = computeClock(
      [ev.registered('2024-09-02'), ev.feeNoticed('2024-09-10'), ev.feeLapsed('2024-10-15')],
      cal,
      d('2024-10-15'),
    )
    expect(clock.outcome).toBe('other.unpaidFee')
    expect(clock.concludedOn).toBe('2024-10-15')
  })

  it('a consultation and a fee pause are two ledger entries, each excluded', () => {
    const clock = computeClock(
      [
        ev.registered('2026-03-02'),
        ev.consultationStarted('2026-03-10'),
        ev.consultationEnded('2026-03-17'),
        ev.feeNoticed('2026-03-20'),
        ev.feePaid('2026-03-25'),
      ],
      cal,
      d('2026-03-25'),
    )
    expect(clock.pauses.map((p) => [p.kind, p.openedBy, p.closedBy, p.workingDays])).toEqual([
      ['thirdPartyConsultation', 1, 2, 5],
      ['feeNotice', 3, 4, 3],
    ])
    // 3/3 … 3/10 6, [3/11–17], 18 7, 19 8, 20 9, [3/23, 24, 25], 26 10, 27 11, 30 12, 31 13, 4/1 14, 2 15,
    // 3 16, [4/4–6], 7 17, 8 18, 9 19, 10 20
    expect(clock.dueBy?.day).toBe('2026-04-10')
  })
})

describe('extension (《条例》第三十三条第二款): once, at most 20 working days', () => {
  // received Monday 2025-09-01; plain due: 9/2 1, 3 2, 4 3, 5 4, 8 5, 9 6, 10 7, 11 8, 12 9, 15 10, 16 11,
  // 17 12, 18 13, 19 14, 22 15, 23 16, 24 17, 25 18, 26 19, 9/28 Sun make-up 20
  const received = ev.registered('2025-09-01')

  it('the plain due date may itself be a 调休 Sunday', () => {
    expect(computeClock([received], cal, d('2025-09-01')).dueBy?.day).toBe('2025-09-28')
  })

  it('an extension of 10 working days across 国庆 2025 is counted from the plain due date', () => {
    const clock = computeClock([received, ev.extended('2025-09-26', 10, '2025-09-25', '李科长')], cal, d('2025-09-26'))
    // 9/28 20, 29 21, 30 22, [10/1–8], 10/9 23, 10 24, 10/11 Sat 25, 13 26, 14 27, 15 28, 16 29, 17 30
    expect(clock.dueByExtended?.day).toBe('2025-10-17')
    expect(clock.deadline?.day).toBe('2025-10-17')
    expect(clock.dueBy?.day).toBe('2025-09-28')
    // issue 11 adds `grants` (第三十三条第二款 limits the length, not the count): one grant here
    expect(clock.extension).toEqual({
      days: 10,
      grants: 1,
      approvedBy: '李科长',
      approvedOn: '2025-09-25',
      notifiedOn: '2025-09-26',
    })
  })

  it('without an extension the deadline in force stays the plain one; the maximum is shown apart', () => {
    const clock = computeClock([received], cal, d('2025-09-01'))
    // … 10/17 30, 20 31, 21 32, 22 33, 23 34, 24 35, 27 36, 28 37, 29 38, 30 39, 31 40
    expect(clock.dueByExtended?.day).toBe('2025-10-31')
    expect(clock.deadline?.day).toBe('2025-09-28')
  })

  it('an answer within the extended period is on time; after it, late', () => {
    const extended = [received, ev.extended('2025-09-26', 10)]
    expect(computeClock([...extended, ev.answered('2025-10-17')], cal, d('2025-10-20')).answeredLate).toBe(false)
    expect(computeClock([...extended, ev.answered('2025-10-20')], cal, d('2025-10-20')).answeredLate).toBe(true)
  })
})

describe('flags: due soon (≤ 3 working days), overdue, answered late', () => {
  // received 2026-09-28, due 2026-10-30 (see the receipt rows)
  const open = [ev.registered('2026-09-28')]
  const at = (today: string) => computeClock(open, cal, d(today))

  it('4 working days left is not yet due soon (10/26: 27, 28, 29, 30 left)', () => {
    expect(at('2026-10-26')).toMatchObject({ workingDaysLeft: 4, dueSoon: false, overdue: false })
  })

  it('3 working days left is due soon (10/27: 28, 29, 30 left)', () => {
    expect(at('2026-10-27')).toMatchObject({ workingDaysLeft: 3, dueSoon: true, overdue: false })
  })

  it('on the due date itself the case is due soon, not overdue', () => {
    expect(at('2026-10-30')).toMatchObject({ workingDaysLeft: 0, dueSoon: true, overdue: false })
  })

  it('the day after the due date the case is overdue, even on a Saturday', () => {
    const sat = at('2026-10-31')
    expect(sat.overdue).toBe(true)
    expect(sat.dueSoon).toBe(false)
    expect(sat.workingDaysLeft).toBe(0)
  })

  it('one working day past the due date is −1 working days left (11/2)', () => {
    expect(at('2026-11-02')).toMatchObject({ workingDaysLeft: -1, overdue: true, dueSoon: false })
  })

  it('an answer on the due date is on time; an answer after it is late', () => {
    expect(computeClock([...open, ev.answered('2026-10-30')], cal, d('2026-12-01')).answeredLate).toBe(false)
    expect(computeClock([...open, ev.answered('2026-11-02')], cal, d('2026-12-01')).answeredLate).toBe(true)
  })

  it('only an answer can be late: a withdrawal after the due date is not an answer given late', () => {
    expect(computeClock([...open, ev.withdrawn('2026-11-04')], cal, d('2026-12-01')).answeredLate).toBe(false)
  })

  it('a concluded case is never due soon or overdue, and has no working days left', () => {
    const clock = computeClock([...open, ev.answered('2026-11-02')], cal, d('2026-12-01'))
    expect(clock).toMatchObject({ concludedOn: '2026-11-02', workingDaysLeft: null, dueSoon: false, overdue: false })
  })

  it('a withdrawn case is concluded as 其他处理 · 其他', () => {
    const clock = computeClock([...open, ev.withdrawn('2026-10-09')], cal, d('2026-12-01'))
    expect(clock).toMatchObject({ concludedOn: '2026-10-09', outcome: 'other.other', overdue: false })
  })

  it('the answer carries the outcome derived from its items, or the staff override', () => {
    expect(
      computeClock([...open, ev.answered('2026-10-09', ['disclosed', 'withheld.stateSecret'])], cal, d('2026-10-09'))
        .outcome,
    ).toBe('partiallyDisclosed')
    const overridden = ev.answered('2026-10-09', ['disclosed'], {
      outcome: 'notProcessed.duplicate',
      reason: '与2026年第12号申请相同',
    })
    expect(computeClock([...open, overridden], cal, d('2026-10-09')).outcome).toBe('notProcessed.duplicate')
  })
})

describe('provisional dates propagate to the clock', () => {
  it('a due date inside 2026 is firm, but the extended date reaching 2027 makes the case provisional', () => {
    const clock = computeClock([ev.registered('2026-12-01')], cal, d('2026-12-01'))
    // 12/2 1, 3 2, 4 3, 7 4, 8 5, 9 6, 10 7, 11 8, 14 9, 15 10, 16 11, 17 12, 18 13, 21 14, 22 15, 23 16, 24 17,
    // 25 18, 28 19, 29 20
    expect(clock.dueBy).toEqual({ day: '2026-12-29', provisional: false })
    expect(clock.dueByExtended?.provisional).toBe(true)
    expect(clock.provisional).toBe(true)
  })

  it('a case whose every date stays inside known years is not provisional', () => {
    // the 40th working day after 2026-09-28 is 2026-11-27
    expect(computeClock([ev.registered('2026-09-28')], cal, d('2026-09-28')).provisional).toBe(false)
  })

  it('an open pause running into 2027 counts its days with 元旦 kept (第二条), and the case is provisional', () => {
    const clock = computeClock(
      [ev.registered('2026-12-14'), ev.consultationStarted('2026-12-18')],
      cal,
      d('2027-01-05'),
    )
    // paused: 12/21 1, 22 2, 23 3, 24 4, 25 5, 28 6, 29 7, 30 8, 31 9, 1/4 10, 1/5 11. Issue 11 (decision 0008):
    // 2027-01-01 Fri is 元旦 by 《全国年节及纪念日放假办法》第二条 even before the notice (was counted as the 10th
    // day, 12 in all, before issue 11)
    expect(clock.pauses[0]).toMatchObject({ to: '2027-01-05', workingDays: 11, open: true })
    expect(clock.provisional).toBe(true)
    expect(clock.dueBy?.provisional).toBe(true)
  })
})

describe('the outcome of an answered case follows the agency policy for Art. 36 kinds', () => {
  const answered = [ev.registered('2026-09-28'), ev.answered('2026-10-09', ['notThisAgency'])]
  it('by default 不属于本机关 is reported as 本机关不掌握相关政府信息', () => {
    expect(computeClock(answered, cal, d('2026-10-09')).outcome).toBe('unableToProvide.notHeld')
  })
  it('an agency that reports it under 其他处理 · 其他 gets that outcome', () => {
    const policy = { feeNoticePauses: true, answerKinds: { notThisAgency: 'other.other' as const } }
    expect(computeClock(answered, cal, d('2026-10-09'), policy).outcome).toBe('other.other')
  })
})
