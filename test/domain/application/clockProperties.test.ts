import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import type { ApplicationClock } from '../../../src/domain/application/clock.js'
import { computeClock } from '../../../src/domain/application/clock.js'
import type { ApplicationEvent } from '../../../src/domain/application/events.js'
import type { CalendarDay } from '../../../src/domain/calendar/calendarDay.js'
import { addDays, compareDays } from '../../../src/domain/calendar/calendarDay.js'
import { addWorkingDays, isWorkingDay } from '../../../src/domain/calendar/workingDays.js'
import { anyDay } from '../support/arbitraries.js'
import { packageCal as cal } from '../support/calendar.js'
import { ev } from '../support/events.js'

/** A received day, and a pause (consultation or fee) starting some days later and lasting some days. */
const withPause = fc.record({
  received: anyDay,
  startAfter: fc.integer({ min: 0, max: 35 }),
  length: fc.integer({ min: 0, max: 45 }),
  kind: fc.constantFrom('thirdParty', 'otherAgency', 'fee'),
})

function historyWithPause(p: { received: CalendarDay; startAfter: number; length: number; kind: string }): {
  events: ApplicationEvent[]
  end: CalendarDay
} {
  const start = addDays(p.received, p.startAfter)
  const end = addDays(start, p.length)
  const pause: ApplicationEvent[] =
    p.kind === 'fee'
      ? [ev.feeNoticed(start), ev.feePaid(end)]
      : [
          ev.consultationStarted(start, p.kind === 'thirdParty' ? 'thirdParty' : 'otherAgency'),
          ev.consultationEnded(end),
        ]
  return { events: [ev.registered(p.received), ...pause], end }
}

/** The reply due date and the extended one; none of these histories awaits a supplement, so both exist. */
function dues(clock: ApplicationClock): { dueBy: CalendarDay; dueByExtended: CalendarDay } {
  if (!clock.dueBy || !clock.dueByExtended) throw new Error('expected a running reply period')
  return { dueBy: clock.dueBy.day, dueByExtended: clock.dueByExtended.day }
}

describe('the application clock, for any receipt day and any pause', () => {
  test.prop([withPause])('the reply due date, the extended due date and the supplement date are working days', (p) => {
    const { events, end } = historyWithPause(p)
    const clock = computeClock(events, cal, end)
    const { dueBy, dueByExtended } = dues(clock)
    for (const day of [dueBy, dueByExtended, clock.supplementBy.day]) expect(isWorkingDay(day, cal)).toBe(true)
  })

  test.prop([withPause])('adding a pause never moves the due date earlier', (p) => {
    const { events, end } = historyWithPause(p)
    const plain = dues(computeClock(events.slice(0, 1), cal, end))
    const paused = dues(computeClock(events, cal, end))
    expect(compareDays(paused.dueBy, plain.dueBy)).toBeGreaterThanOrEqual(0)
    expect(compareDays(paused.dueByExtended, plain.dueByExtended)).toBeGreaterThanOrEqual(0)
  })

  test.prop([withPause])(
    'a pause that ends before the plain due date moves it by exactly the working days it excluded',
    (p) => {
      const { events, end } = historyWithPause(p)
      const plain = dues(computeClock(events.slice(0, 1), cal, end)).dueBy
      const clock = computeClock(events, cal, end)
      const [pause] = clock.pauses
      fc.pre(pause !== undefined && compareDays(pause.to, plain) < 0)
      expect(dues(clock).dueBy).toBe(addWorkingDays(plain, pause?.workingDays ?? 0, cal).day)
    },
  )

  test.prop([withPause, fc.integer({ min: 1, max: 20 })])(
    'the extended due date is always later than the plain one',
    (p, days) => {
      const { events, end } = historyWithPause(p)
      const extended = computeClock([...events, ev.extended(end, days)], cal, end)
      const granted = dues(extended)
      expect(compareDays(granted.dueByExtended, granted.dueBy)).toBeGreaterThan(0)
      expect(extended.deadline).toEqual(extended.dueByExtended)
      const shown = dues(computeClock(events, cal, end))
      expect(compareDays(shown.dueByExtended, shown.dueBy)).toBeGreaterThan(0)
    },
  )

  test.prop([anyDay, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 30 })])(
    'while a consultation stays open the due date never moves earlier from one day to the next',
    (received, startAfter, waited) => {
      const start = addDays(received, startAfter)
      const events = [ev.registered(received), ev.consultationStarted(start)]
      const before = dues(computeClock(events, cal, addDays(start, waited - 1))).dueBy
      const after = dues(computeClock(events, cal, addDays(start, waited))).dueBy
      expect(compareDays(after, before)).toBeGreaterThanOrEqual(0)
    },
  )

  test.prop([withPause])('no pause excludes more than its legal limit (15 or 20 working days)', (p) => {
    const { events, end } = historyWithPause(p)
    for (const pause of computeClock(events, cal, end).pauses) {
      expect(pause.workingDays).toBeLessThanOrEqual(pause.kind === 'feeNotice' ? 20 : 15)
      expect(compareDays(pause.to, pause.limit)).toBeLessThanOrEqual(0)
    }
  })
})
