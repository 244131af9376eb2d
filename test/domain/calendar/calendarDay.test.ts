import { describe, expect, it } from 'vitest'
import {
  addDays,
  calendarDay,
  daysBetween,
  InvalidCalendarDay,
  isCalendarDay,
  shanghaiDay,
  weekday,
} from '../../../src/domain/calendar/calendarDay.js'

describe('a day of the law is a YYYY-MM-DD calendar day', () => {
  it.each(['2025-02-30', '2026-13-01', '2026-9-28', '2026/09/28', '', '2024-02-30'])('%j is refused', (s) => {
    expect(() => calendarDay(s)).toThrow(InvalidCalendarDay)
    expect(isCalendarDay(s)).toBe(false)
  })

  it('the refusal is a Chinese message naming the input', () => {
    expect(() => calendarDay('2025-02-30')).toThrow('不是有效的日期（应为 YYYY-MM-DD）：2025-02-30')
  })

  it('29 February exists in 2024 only', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2025-02-29')).toBe(false)
  })

  it('adding days crosses months and years', () => {
    expect(addDays(calendarDay('2026-12-31'), 1)).toBe('2027-01-01')
    expect(addDays(calendarDay('2024-03-01'), -1)).toBe('2024-02-29')
    expect(daysBetween(calendarDay('2026-09-28'), calendarDay('2026-10-30'))).toBe(32)
  })

  it('weekdays: 2026-09-28 is a Monday, 2026-10-10 a Saturday, 2025-09-28 a Sunday', () => {
    expect(weekday(calendarDay('2026-09-28'))).toBe(1)
    expect(weekday(calendarDay('2026-10-10'))).toBe(6)
    expect(weekday(calendarDay('2025-09-28'))).toBe(0)
  })

  it('an instant after 16:00 UTC is already the next day in Asia/Shanghai', () => {
    expect(shanghaiDay(new Date('2026-09-27T15:59:59Z'))).toBe('2026-09-27')
    expect(shanghaiDay(new Date('2026-09-27T16:00:00Z'))).toBe('2026-09-28')
  })
})
