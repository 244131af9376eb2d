import { describe, expect, it } from 'vitest'
import type { ApplicationEvent } from '../../../src/domain/application/events.js'
import type { CaseState } from '../../../src/domain/application/states.js'
import {
  allowedEvents,
  CASE_STATES,
  EVENT_LABELS,
  IllegalTransition,
  isOpen,
  nextState,
  stateOf,
} from '../../../src/domain/application/states.js'
import { ev } from '../support/events.js'

/** The state after each event of a history (registration first). */
function walk(events: ApplicationEvent[]): CaseState[] {
  return events.map((_, i) => stateOf(events.slice(0, i + 1)))
}

describe('the case state machine: legal paths', () => {
  it('the plain path: registered → in progress → answered → delivered → archived', () => {
    expect(
      walk([
        ev.registered('2026-09-28'),
        ev.assigned('2026-09-29'),
        ev.answered('2026-10-20'),
        ev.delivered('2026-10-21'),
        ev.archived('2026-10-30'),
      ]),
    ).toEqual(['registered', 'inProgress', 'answered', 'delivered', 'archived'])
  })

  it('the long path through supplement, consultation, fee and extension', () => {
    expect(
      walk([
        ev.registered('2026-03-02'),
        ev.supplementRequested('2026-03-03', '2026-03-13'),
        ev.supplementReceived('2026-03-09'),
        ev.consultationStarted('2026-03-10'),
        ev.extended('2026-03-12', 5),
        ev.consultationEnded('2026-03-17'),
        ev.feeNoticed('2026-03-18'),
        ev.feePaid('2026-03-20'),
        ev.answered('2026-03-27'),
        ev.delivered('2026-03-30'),
        ev.archived('2026-04-01'),
      ]),
    ).toEqual([
      'registered',
      'awaitingSupplement',
      'inProgress',
      'consulting',
      'consulting',
      'inProgress',
      'awaitingFee',
      'inProgress',
      'answered',
      'delivered',
      'archived',
    ])
  })

  it('an extension can be granted while awaiting the fee, and the case stays there', () => {
    expect(nextState('awaitingFee', ev.extended('2026-03-19', 5))).toBe('awaitingFee')
  })
})

describe('the legal shortcuts', () => {
  it('an answer on the spot at registration (第三十三条第一款 当场答复)', () => {
    expect(stateOf([ev.registered('2026-09-28'), ev.answered('2026-09-28')])).toBe('answered')
  })

  it('a supplement not made by the set date closes the case (第三十条)', () => {
    expect(nextState('awaitingSupplement', ev.supplementLapsed('2026-10-19'))).toBe('answered')
  })

  it('a fee not paid closes the case (国办函〔2020〕109号)', () => {
    expect(nextState('awaitingFee', ev.feeLapsed('2026-10-19'))).toBe('answered')
  })

  it.each<CaseState>(['registered', 'awaitingSupplement', 'inProgress', 'consulting', 'awaitingFee'])(
    'the applicant may withdraw from %s, which closes the case',
    (state) => {
      expect(nextState(state, ev.withdrawn('2026-10-09'))).toBe('answered')
    },
  )

  it('an answered case may be archived without a recorded delivery', () => {
    expect(nextState('answered', ev.archived('2026-10-30'))).toBe('archived')
  })
})

describe('illegal transitions are refused with a clear Chinese message', () => {
  const illegal: [CaseState, ApplicationEvent, string][] = [
    ['awaitingSupplement', ev.answered('2026-10-09'), '案件当前状态为「待补正」，不能执行「作出答复」'],
    ['inProgress', ev.delivered('2026-10-09'), '案件当前状态为「办理中」，不能执行「送达」'],
    ['inProgress', ev.consultationEnded('2026-10-09'), '案件当前状态为「办理中」，不能执行「征求意见结束」'],
    ['registered', ev.supplementReceived('2026-10-09'), '案件当前状态为「已登记」，不能执行「收到补正材料」'],
    ['consulting', ev.answered('2026-10-09'), '案件当前状态为「征求意见中」，不能执行「作出答复」'],
    ['consulting', ev.feeNoticed('2026-10-09'), '案件当前状态为「征求意见中」，不能执行「发出收费通知」'],
    ['answered', ev.answered('2026-10-09'), '案件当前状态为「已答复」，不能执行「作出答复」'],
    ['answered', ev.withdrawn('2026-10-09'), '案件当前状态为「已答复」，不能执行「申请人撤回申请」'],
    ['delivered', ev.extended('2026-10-09', 5), '案件当前状态为「已送达」，不能执行「延期答复」'],
    ['archived', ev.delivered('2026-10-09'), '案件当前状态为「已归档」，不能执行「送达」'],
    ['inProgress', ev.registered('2026-10-09'), '案件当前状态为「办理中」，不能执行「登记收到申请」'],
  ]
  it.each(illegal)('from %s, %o is refused', (state, event, message) => {
    expect(() => nextState(state, event)).toThrow(IllegalTransition)
    expect(() => nextState(state, event)).toThrow(message)
  })

  it('the error names the state and the event for the caller', () => {
    try {
      nextState('archived', ev.answered('2026-10-09'))
      expect.unreachable('an archived case takes no answer')
    } catch (e) {
      expect(e).toBeInstanceOf(IllegalTransition)
      expect(e).toMatchObject({ code: 'ILLEGAL_TRANSITION', state: 'archived', event: 'answered' })
    }
  })

  it('folding a history stops at its first illegal step', () => {
    expect(() => stateOf([ev.registered('2026-09-28'), ev.answered('2026-10-09'), ev.answered('2026-10-10')])).toThrow(
      '不能执行「作出答复」',
    )
  })

  it('a history must start with its registration', () => {
    expect(() => stateOf([ev.assigned('2026-09-28')])).toThrow()
    expect(() => stateOf([])).toThrow()
  })
})

describe('states as data', () => {
  it('every state has a Chinese label and every event kind a Chinese name', () => {
    for (const s of CASE_STATES) expect(s.label).toMatch(/\p{Script=Han}/u)
    for (const label of Object.values(EVENT_LABELS)) expect(label).toMatch(/\p{Script=Han}/u)
  })

  it('open states are those before the answer', () => {
    expect(CASE_STATES.filter((s) => isOpen(s.code)).map((s) => s.code)).toEqual([
      'registered',
      'awaitingSupplement',
      'inProgress',
      'consulting',
      'awaitingFee',
    ])
  })

  it('an archived case allows nothing more; a case awaiting a supplement only its completion, lapse or withdrawal', () => {
    expect(allowedEvents('archived')).toEqual([])
    expect(allowedEvents('awaitingSupplement').sort()).toEqual(['supplementLapsed', 'supplementReceived', 'withdrawn'])
  })
})
