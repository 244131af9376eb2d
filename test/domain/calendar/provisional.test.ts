import { describe, expect, it } from 'vitest'
import { computeClock } from '../../../src/domain/application/clock.js'
import type { CalendarOverride } from '../../../src/domain/calendar/workCalendar.js'
import { isKnownYear } from '../../../src/domain/calendar/workCalendar.js'
import { addWorkingDays, isWorkingDay } from '../../../src/domain/calendar/workingDays.js'
import { d, makeCalendar, packageCal } from '../support/calendar.js'
import { ev } from '../support/events.js'

// A HYPOTHETICAL 2027 notice, for the test only (the real one is not out): 元旦 Friday 1/1 off with the weekend.
const notice2027: CalendarOverride[] = [
  { day: d('2027-01-01'), kind: 'holiday', note: '元旦' },
  { day: d('2027-01-02'), kind: 'holiday', note: '元旦' },
  { day: d('2027-01-03'), kind: 'holiday', note: '元旦' },
]

describe('a year nobody has entered is never silently guessed', () => {
  it('the package knows 2026 but not 2027', () => {
    expect(isKnownYear(d('2026-12-31'), packageCal)).toBe(true)
    expect(isKnownYear(d('2027-01-01'), packageCal)).toBe(false)
  })

  // Issue 11 (decision 0008) replaced "only weekends rest": 《全国年节及纪念日放假办法》第二条 fixes 元旦 before any
  // notice, so Friday 2027-01-01 rests even in a year nobody has entered (dates that cross it stay 暂定).
  it('in an unknown year 元旦 rests before the notice: Friday 2027-01-01 is not a working day', () => {
    expect(isWorkingDay(d('2027-01-01'), packageCal)).toBe(false)
    expect(isWorkingDay(d('2027-01-02'), packageCal)).toBe(false)
    expect(isWorkingDay(d('2027-01-04'), packageCal)).toBe(true)
  })

  it('a December 2026 receipt is due in 2027 with 元旦 kept, marked provisional', () => {
    // 12/16 1, 17 2, 18 3, 21 4, 22 5, 23 6, 24 7, 25 8, 28 9, 29 10, 30 11, 31 12,
    // [2027-01-01 Fri 元旦, 第二条, 暂定], 1/4 13, 5 14, 6 15, 7 16, 8 17, 11 18, 12 19, 13 20
    // (before issue 11: 1/12, with 1/1 counted as a weekday)
    expect(addWorkingDays(d('2026-12-15'), 20, packageCal)).toEqual({ day: '2027-01-13', provisional: true })
  })

  it('a count that stays inside known years is not provisional, even late in December', () => {
    // 12/16 1, 17 2, 18 3, 21 4, 22 5, 23 6, 24 7
    expect(addWorkingDays(d('2026-12-15'), 7, packageCal)).toEqual({ day: '2026-12-24', provisional: false })
  })

  it('once the 2027 notice is entered the date is recomputed from it and no longer provisional', () => {
    const cal = makeCalendar({ overrides: notice2027, enteredYears: [2027] })
    // 12/16 1 … 12/31 12, [1/1–3 off], 1/4 13, 5 14, 6 15, 7 16, 8 17, 11 18, 12 19, 13 20
    expect(addWorkingDays(d('2026-12-15'), 20, cal)).toEqual({ day: '2027-01-13', provisional: false })
  })

  it('an entered make-up working day counts: a (made-up) 调休 Saturday 2027-01-09 brings the date back a day', () => {
    const withMakeUp = [...notice2027, { day: d('2027-01-09'), kind: 'workday' as const, note: '调休上班（测试用）' }]
    const cal = makeCalendar({ overrides: withMakeUp, enteredYears: [2027] })
    // 12/16 1 … 12/31 12, [1/1–3 off], 1/4 13, 5 14, 6 15, 7 16, 8 17, 1/9 Sat 18, 11 19, 12 20
    expect(addWorkingDays(d('2026-12-15'), 20, cal)).toEqual({ day: '2027-01-12', provisional: false })
  })

  it('overrides alone do not make a year known: a single correction still leaves 2027 provisional', () => {
    const cal = makeCalendar({ overrides: notice2027 })
    expect(addWorkingDays(d('2026-12-15'), 20, cal).provisional).toBe(true)
  })

  it('an entered year with no holidays in the counted span is known all the same', () => {
    const cal = makeCalendar({ enteredYears: [2027] })
    expect(addWorkingDays(d('2026-12-15'), 20, cal)).toEqual({ day: '2027-01-12', provisional: false })
  })

  it('the application clock carries the mark, and drops it when the year is entered', () => {
    const history = [ev.registered('2026-12-15')]
    const before = computeClock(history, packageCal, d('2026-12-15'))
    // … 12/31 12, [1/1 元旦 暂定], 1/4 13 … 1/13 20 (issue 11: was 1/12 on weekends alone)
    expect(before.dueBy).toEqual({ day: '2027-01-13', provisional: true })
    expect(before.supplementBy).toEqual({ day: '2026-12-24', provisional: false })
    expect(before.provisional).toBe(true)

    const after = computeClock(history, makeCalendar({ overrides: notice2027, enteredYears: [2027] }), d('2026-12-15'))
    // [1/1–3 off] now: … 1/12 19, 1/13 20
    expect(after.dueBy).toEqual({ day: '2027-01-13', provisional: false })
    expect(after.provisional).toBe(false)
  })

  it('an application received in an unknown year is provisional from the start', () => {
    // 2027-03-01 Mon + 7: 3/2 1, 3 2, 4 3, 5 4, 8 5, 9 6, 10 7
    const clock = computeClock([ev.registered('2027-03-01')], packageCal, d('2027-03-01'))
    expect(clock.supplementBy).toEqual({ day: '2027-03-10', provisional: true })
    expect(clock.provisional).toBe(true)
  })
})

describe('admin overrides', () => {
  it('a local holiday declared on an ordinary Tuesday makes it rest', () => {
    const cal = makeCalendar({ overrides: [{ day: d('2026-11-24'), kind: 'holiday', note: '地方节日' }] })
    expect(isWorkingDay(d('2026-11-24'), cal)).toBe(false)
    // 11/23 Mon + 1: [11/24 off], 11/25 1
    expect(addWorkingDays(d('2026-11-23'), 1, cal).day).toBe('2026-11-25')
  })

  it('a correction wins over the package: a package holiday declared a working day works', () => {
    const cal = makeCalendar({ overrides: [{ day: d('2026-10-07'), kind: 'workday' }] })
    expect(isWorkingDay(d('2026-10-07'), cal)).toBe(true)
    expect(cal.holidays.has('2026-10-07')).toBe(false)
  })

  it('a correction wins over the package: a package make-up day declared a holiday rests', () => {
    const cal = makeCalendar({ overrides: [{ day: d('2026-10-10'), kind: 'holiday' }] })
    expect(isWorkingDay(d('2026-10-10'), cal)).toBe(false)
    expect(cal.workdays.has('2026-10-10')).toBe(false)
  })

  it('building a calendar with overrides leaves the package calendar untouched', () => {
    makeCalendar({ overrides: [{ day: d('2026-10-10'), kind: 'holiday' }] })
    expect(isWorkingDay(d('2026-10-10'), packageCal)).toBe(true)
  })
})
