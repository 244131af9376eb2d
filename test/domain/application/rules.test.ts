import { describe, expect, it } from 'vitest'
import type { ApplicationEvent } from '../../../src/domain/application/events.js'
import { appendChecked, isOnOrAfter, RuleViolation } from '../../../src/domain/application/rules.js'
import { IllegalTransition } from '../../../src/domain/application/states.js'
import { d, packageCal as cal } from '../support/calendar.js'
import { ev } from '../support/events.js'

// received Monday 2026-09-28: supplement notice by 10/13 (9/29 1, 9/30 2, [10/1–7], 10/8 3, 9 4, 10/10 Sat 5,
// 12 6, 13 7), reply due 10/30 (… 10/13 7, 14 8, … 29 19, 30 20)
const received = [ev.registered('2026-09-28')]

/** Expects appendChecked to refuse with a RuleViolation on `field` whose message contains `message`. */
function expectViolation(history: ApplicationEvent[], event: ApplicationEvent, field: string, message: string): void {
  let caught: unknown
  try {
    appendChecked(history, event, cal)
  } catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(RuleViolation)
  expect(caught).toMatchObject({ code: 'RULE_VIOLATION', field })
  expect((caught as Error).message).toContain(message)
}

describe('every command', () => {
  it('a registered case cannot be registered again', () => {
    expectViolation(received, ev.registered('2026-09-29'), 'kind', '不能重复登记')
  })

  it('an event cannot be dated before the previous step of the case', () => {
    expectViolation(received, ev.assigned('2026-09-27'), 'on', '早于案件上一环节（2026-09-28）')
  })

  it('an event the state machine forbids is an illegal transition', () => {
    expect(() => appendChecked(received, ev.delivered('2026-09-29'), cal)).toThrow(IllegalTransition)
  })

  it('an accepted event is appended to a new history; the old one is left as it was', () => {
    const next = appendChecked(received, ev.assigned('2026-09-29'), cal)
    expect(next.map((e) => e.kind)).toEqual(['registered', 'assigned'])
    expect(received).toHaveLength(1)
  })

  it('an event is on or after receipt', () => {
    expect(isOnOrAfter(d('2026-09-28'), d('2026-09-28'))).toBe(true)
    expect(isOnOrAfter(d('2026-09-27'), d('2026-09-28'))).toBe(false)
  })
})

describe('补正 (《条例》第三十条): once, within 7 working days of receipt', () => {
  it('a notice on the 7th working day (10/13) is in time', () => {
    expect(appendChecked(received, ev.supplementRequested('2026-10-13', '2026-10-23'), cal)).toHaveLength(2)
  })

  it('a notice on the 8th working day (10/14) is too late, and the message names the last day', () => {
    expectViolation(received, ev.supplementRequested('2026-10-14', '2026-10-23'), 'on', '最迟 2026-10-13')
  })

  it('the notice is given only once, even after the first supplement arrived', () => {
    const history = [
      ...received,
      ev.supplementRequested('2026-09-29', '2026-10-16'),
      ev.supplementReceived('2026-10-09'),
    ]
    expectViolation(history, ev.supplementRequested('2026-10-09', '2026-10-20'), 'kind', '补正只能一次性告知')
  })

  it('the date set for completing must come after the notice', () => {
    expectViolation(
      received,
      ev.supplementRequested('2026-09-29', '2026-09-29'),
      'completeBy',
      '补正期限须晚于告知日期',
    )
  })

  it('the notice must say what to complete', () => {
    expectViolation(received, ev.supplementRequested('2026-09-29', '2026-10-16', '  '), 'request', '需要补正的事项')
  })

  it('a supplement can be declared lapsed only after the set date', () => {
    const history = [...received, ev.supplementRequested('2026-09-29', '2026-10-16')]
    expectViolation(history, ev.supplementLapsed('2026-10-16'), 'on', '补正期限（2026-10-16）尚未届满')
    expect(appendChecked(history, ev.supplementLapsed('2026-10-19'), cal).at(-1)?.kind).toBe('supplementLapsed')
  })
})

describe('extension (《条例》第三十三条第二款): once, 1 to 20 working days, told before the deadline', () => {
  it('an extension of 20 working days told on the due date itself is accepted', () => {
    expect(appendChecked(received, ev.extended('2026-10-30', 20), cal).at(-1)?.kind).toBe('extended')
  })

  it('an extension told after the due date is refused, naming the due date', () => {
    expectViolation(received, ev.extended('2026-11-02', 5), 'on', '答复期限（2026-10-30）届满前')
  })

  it('a pause moves the deadline the extension is checked against', () => {
    // consultation 10/9–10/16 pauses 10/10 Sat, 12, 13, 14, 15, 16 = 6 working days: due 10/30 + 6 =
    // 11/2 1, 3 2, 4 3, 5 4, 6 5, 9 6 → 11/9
    const history = [...received, ev.consultationStarted('2026-10-09'), ev.consultationEnded('2026-10-16')]
    expect(appendChecked(history, ev.extended('2026-11-09', 5), cal).at(-1)?.kind).toBe('extended')
    expectViolation(history, ev.extended('2026-11-10', 5), 'on', '答复期限（2026-11-09）届满前')
  })

  // Issue 11 replaced 'the period can be extended only once': 《条例》第三十三条第二款 limits the length of the
  // extension (最长不得超过20个工作日), not the number of grants; see the second-extension tests below.
  it('a second extension is refused when the two together pass 20 working days (5 + 16)', () => {
    const history = [...received, ev.extended('2026-10-20', 5)]
    expectViolation(history, ev.extended('2026-10-21', 16), 'days', '再延长最多15个工作日')
  })

  it.each([0, 21, 2.5, -3])('an extension of %s working days is refused', (days) => {
    expectViolation(received, ev.extended('2026-10-20', days), 'days', '延长期限须为1至20个工作日')
  })

  it.each([1, 20])('an extension of %i working days is accepted', (days) => {
    expect(appendChecked(received, ev.extended('2026-10-20', days), cal)).toHaveLength(2)
  })

  it('the extension names who approved it', () => {
    expectViolation(received, ev.extended('2026-10-20', 5, '2026-10-19', ' '), 'approvedBy', '负责人')
  })

  it('the approval cannot come after the applicant was told', () => {
    expectViolation(
      received,
      ev.extended('2026-10-20', 5, '2026-10-21'),
      'approvedOn',
      '批准日期不能晚于告知申请人的日期',
    )
  })

  it('the extension gives a reason', () => {
    const noReason = { ...ev.extended('2026-10-20', 5), reason: '' }
    expectViolation(received, noReason, 'reason', '请填写延期理由')
  })
})

describe('answers, consultations and fees', () => {
  it('an answer covers at least one requested item', () => {
    expectViolation(received, ev.answered('2026-10-09', []), 'items', '至少包含一项')
  })

  it('overriding the derived outcome needs a reason', () => {
    expectViolation(
      received,
      ev.answered('2026-10-09', ['disclosed'], { outcome: 'notProcessed.duplicate', reason: ' ' }),
      'override.reason',
      '须写明理由',
    )
  })

  it('a consultation names whom it consults', () => {
    expectViolation(received, ev.consultationStarted('2026-10-09', 'thirdParty', ''), 'with', '征求意见的对象')
  })

  it('a fee notice charges a positive amount', () => {
    expectViolation(received, ev.feeNoticed('2026-10-09', 0), 'amountYuan', '收费金额须大于0')
  })

  it('an unpaid fee can be declared lapsed only after the 20 working days to pay', () => {
    // notice 10/9; 10/10 Sat 1, 12 2, 13 3, 14 4, 15 5, 16 6, 19 7, 20 8, 21 9, 22 10, 23 11, 26 12, 27 13,
    // 28 14, 29 15, 30 16, 11/2 17, 3 18, 4 19, 5 20
    const history = [...received, ev.feeNoticed('2026-10-09')]
    expectViolation(history, ev.feeLapsed('2026-11-05'), 'on', '缴费期限（2026-11-05）尚未届满')
    expect(appendChecked(history, ev.feeLapsed('2026-11-06'), cal).at(-1)?.kind).toBe('feeLapsed')
  })
})
