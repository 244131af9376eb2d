import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { compareDays } from '../../../src/domain/calendar/calendarDay.js'
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../src/domain/calendar/workingDays.js'
import { anyDay } from '../support/arbitraries.js'
import { packageCal } from '../support/calendar.js'

describe('working-day arithmetic, for any start day and count', () => {
  test.prop([anyDay, fc.integer({ min: 1, max: 60 })])(
    'the n-th working day after a day is a working day',
    (start, n) => {
      expect(isWorkingDay(addWorkingDays(start, n, packageCal).day, packageCal)).toBe(true)
    },
  )

  test.prop([anyDay, fc.integer({ min: 0, max: 60 })])(
    'counting the working days back from addWorkingDays gives n',
    (start, n) => {
      const end = addWorkingDays(start, n, packageCal).day
      expect(workingDaysBetween(start, end, packageCal)).toBe(n)
    },
  )

  test.prop([anyDay, fc.integer({ min: 0, max: 59 })])('one more working day is always a later day', (start, n) => {
    const a = addWorkingDays(start, n, packageCal).day
    const b = addWorkingDays(start, n + 1, packageCal).day
    expect(compareDays(a, b)).toBeLessThan(0)
  })

  test.prop([anyDay, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })])(
    'adding a then b working days is adding a + b',
    (start, a, b) => {
      const step = addWorkingDays(addWorkingDays(start, a, packageCal).day, b, packageCal).day
      expect(step).toBe(addWorkingDays(start, a + b, packageCal).day)
    },
  )

  test.prop([anyDay, fc.integer({ min: 1, max: 40 })])(
    'a result is provisional exactly when the count reaches into a year nobody has entered (2027)',
    (start, n) => {
      const r = addWorkingDays(start, n, packageCal)
      expect(r.provisional).toBe(r.day >= '2027-01-01')
    },
  )
})
