import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayFrom,
  workingDaysBetween,
} from '../../../src/domain/calendar/workingDays.js'
import { d, packageCal } from '../support/calendar.js'

// Expected dates are counted by hand from the State Council holiday notices (国务院办公厅关于2024年/2025年/2026年
// 部分节假日安排的通知), as tabulated in ../shared/spec/law-and-formats.md §0, and checked there against the
// chinese-days data. Day zero is the start day; "1/28–2/4 off" lists the holiday days skipped; "2/8 Sat make-up"
// is a 调休 working day. See docs/decisions/0001-counting-working-days.md.

describe('the State Council notice as data (law-and-formats.md §0 = chinese-days)', () => {
  // the table of law-and-formats.md §0, one notice per year: every holiday and make-up day it lists
  const notices: Record<number, { holidays: string[]; workdays: string[] }> = {
    2024: {
      holidays: ['01-01', '02-10..02-17', '04-04..04-06', '05-01..05-05', '06-10', '09-15..09-17', '10-01..10-07'],
      workdays: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
    },
    2025: {
      holidays: ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08'],
      workdays: ['01-26', '02-08', '04-27', '09-28', '10-11'],
    },
    2026: {
      holidays: [
        '01-01..01-03',
        '02-15..02-23',
        '04-04..04-06',
        '05-01..05-05',
        '06-19..06-21',
        '09-25..09-27',
        '10-01..10-07',
      ],
      workdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
    },
  }
  const expand = (year: number, spec: string): string[] => {
    const [from, to = from] = spec.split('..') as [string, string?]
    const out: string[] = []
    for (let t = Date.parse(`${year}-${from}T00:00:00Z`); t <= Date.parse(`${year}-${to}T00:00:00Z`); t += 86_400_000) {
      out.push(new Date(t).toISOString().slice(0, 10))
    }
    return out
  }

  for (const [year, n] of Object.entries(notices)) {
    it(`every ${year} holiday rests and every ${year} 调休 make-up day works`, () => {
      for (const h of n.holidays.flatMap((s) => expand(Number(year), s))) {
        expect(isWorkingDay(d(h), packageCal), `${h} is a holiday`).toBe(false)
      }
      for (const w of n.workdays.flatMap((s) => expand(Number(year), s))) {
        expect(isWorkingDay(d(w), packageCal), `${w} is a make-up working day`).toBe(true)
      }
    })

    it(`${year}: the package knows no holiday or make-up day beyond the notice`, () => {
      const listed = (xs: string[]) => new Set(xs.flatMap((s) => expand(Number(year), s)))
      const holidays = listed(n.holidays)
      const workdays = listed(n.workdays)
      const inYear = (xs: ReadonlySet<string>) => [...xs].filter((x) => x.startsWith(`${year}-`)).sort()
      expect(inYear(packageCal.holidays)).toEqual([...holidays].sort())
      expect(inYear(packageCal.workdays)).toEqual([...workdays].sort())
    })
  }
})

describe('isWorkingDay', () => {
  const rows: [day: string, working: boolean, why: string][] = [
    ['2024-02-04', true, '2024 notice: Sunday 2/4 is a 春节 make-up working day'],
    ['2024-02-18', true, '2024 notice: Sunday 2/18 is a 春节 make-up working day'],
    ['2024-02-12', false, '2024 notice: Monday 2/12 is inside 春节 2/10–17'],
    ['2024-10-12', true, '2024 notice: Saturday 10/12 is a 国庆 make-up working day'],
    ['2025-10-08', false, '2025 notice: Wednesday 10/8 is the last day of 国庆+中秋 10/1–8'],
    ['2025-10-11', true, '2025 notice: Saturday 10/11 is a make-up working day'],
    ['2025-06-02', false, '2025 notice: Monday 6/2 is inside 端午 5/31–6/2'],
    ['2026-09-20', true, '2026 notice: Sunday 9/20 is a make-up working day'],
    ['2026-02-23', false, '2026 notice: Monday 2/23 is the last day of 春节 2/15–23'],
    ['2026-10-10', true, '2026 notice: Saturday 10/10 is a make-up working day'],
    ['2026-10-11', false, 'an ordinary Sunday'],
    ['2026-11-24', true, 'an ordinary Tuesday'],
    ['2026-11-28', false, 'an ordinary Saturday'],
  ]
  it.each(rows)('%s working day: %s (%s)', (day, working) => {
    expect(isWorkingDay(d(day), packageCal)).toBe(working)
  })
})

describe('addWorkingDays: the n-th working day after the start day', () => {
  const rows: [start: string, n: number, due: string, count: string][] = [
    // --- 2024 notice ---
    // 春节 2/10–17 off, Sunday 2/18 make-up
    [
      '2024-02-08',
      20,
      '2024-03-13',
      '2/9 1, [2/10–17 off], 2/18 Sun 2, 2/19 3, 20 4, 21 5, 22 6, 23 7, 26 8, 27 9, 28 10, 29 11, 3/1 12, 4 13, 5 14, 6 15, 7 16, 8 17, 11 18, 12 19, 13 20',
    ],
    ['2024-02-08', 7, '2024-02-23', '2/9 1, 2/18 Sun 2, 2/19 3, 20 4, 21 5, 22 6, 23 7'],
    // a make-up Sunday right after a Friday receipt
    ['2024-02-02', 1, '2024-02-04', '2/3 Sat no, 2/4 Sun make-up 1'],
    ['2024-02-02', 3, '2024-02-06', '2/4 Sun 1, 2/5 2, 2/6 3'],
    // 国庆 10/1–7 off, Sunday 9/29 and Saturday 10/12 make-up
    [
      '2024-09-27',
      20,
      '2024-10-30',
      '9/29 Sun 1, 9/30 2, [10/1–7 off], 10/8 3, 9 4, 10 5, 11 6, 10/12 Sat 7, 14 8, 15 9, 16 10, 17 11, 18 12, 21 13, 22 14, 23 15, 24 16, 25 17, 28 18, 29 19, 30 20',
    ],
    // 中秋 9/15–17 off, Saturday 9/14 make-up
    ['2024-09-13', 3, '2024-09-19', '9/14 Sat make-up 1, [9/15–17 off], 9/18 2, 9/19 3'],
    // 劳动节 5/1–5 off, Sunday 4/28 and Saturday 5/11 make-up
    [
      '2024-04-26',
      10,
      '2024-05-13',
      '4/28 Sun 1, 4/29 2, 4/30 3, [5/1–5 off], 5/6 4, 7 5, 8 6, 9 7, 10 8, 5/11 Sat 9, 5/13 10',
    ],
    // 清明 4/4–6 off, Sunday 4/7 make-up
    ['2024-04-03', 2, '2024-04-08', '[4/4–6 off], 4/7 Sun make-up 1, 4/8 2'],
    // 端午 Monday 6/10 off
    ['2024-06-07', 1, '2024-06-11', '6/8–9 weekend, [6/10 off], 6/11 1'],
    // --- 2025 notice ---
    // 春节 1/28–2/4 off, Sunday 1/26 and Saturday 2/8 make-up
    [
      '2025-01-24',
      20,
      '2025-02-27',
      '1/26 Sun 1, 1/27 2, [1/28–2/4 off], 2/5 3, 6 4, 7 5, 2/8 Sat 6, 10 7, 11 8, 12 9, 13 10, 14 11, 17 12, 18 13, 19 14, 20 15, 21 16, 24 17, 25 18, 26 19, 27 20',
    ],
    // 国庆+中秋 10/1–8 off, Sunday 9/28 and Saturday 10/11 make-up
    [
      '2025-09-26',
      20,
      '2025-10-30',
      '9/28 Sun 1, 29 2, 30 3, [10/1–8 off], 10/9 4, 10 5, 10/11 Sat 6, 13 7, 14 8, 15 9, 16 10, 17 11, 20 12, 21 13, 22 14, 23 15, 24 16, 27 17, 28 18, 29 19, 30 20',
    ],
    ['2025-09-26', 7, '2025-10-13', '9/28 Sun 1, 29 2, 30 3, 10/9 4, 10 5, 10/11 Sat 6, 10/13 7'],
    // received on a holiday (online, confirmed 10/3): counting starts on the next working day
    ['2025-10-03', 1, '2025-10-09', '[10/4–8 off], 10/9 1'],
    [
      '2025-10-03',
      20,
      '2025-11-04',
      '10/9 1, 10 2, 10/11 Sat 3, 13 4, 14 5, 15 6, 16 7, 17 8, 20 9, 21 10, 22 11, 23 12, 24 13, 27 14, 28 15, 29 16, 30 17, 31 18, 11/3 19, 11/4 20',
    ],
    // 端午 5/31–6/2 off
    ['2025-05-29', 2, '2025-06-03', '5/30 1, [5/31–6/2 off], 6/3 2'],
    // 劳动节 5/1–5 off, Sunday 4/27 make-up
    ['2025-04-25', 5, '2025-05-06', '4/26 Sat no, 4/27 Sun make-up 1, 4/28 2, 4/29 3, 4/30 4, [5/1–5 off], 5/6 5'],
    // 清明 4/4–6 off (Fri–Sun), no make-up
    ['2025-04-03', 1, '2025-04-07', '[4/4–6 off], 4/7 1'],
    // received on an ordinary Saturday; 清明 4/4 inside the period
    [
      '2025-03-15',
      20,
      '2025-04-14',
      '3/17 1, 18 2, 19 3, 20 4, 21 5, 24 6, 25 7, 26 8, 27 9, 28 10, 31 11, 4/1 12, 2 13, 3 14, [4/4–6 off], 7 15, 8 16, 9 17, 10 18, 11 19, 14 20',
    ],
    // --- 2026 notice ---
    // 国庆 10/1–7 off, Saturday 10/10 make-up (the CLI example of issue 3)
    [
      '2026-09-28',
      20,
      '2026-10-30',
      '9/29 1, 9/30 2, [10/1–7 off], 10/8 3, 9 4, 10/10 Sat 5, 12 6, 13 7, 14 8, 15 9, 16 10, 19 11, 20 12, 21 13, 22 14, 23 15, 26 16, 27 17, 28 18, 29 19, 30 20',
    ],
    ['2026-09-28', 7, '2026-10-13', '9/29 1, 9/30 2, 10/8 3, 9 4, 10/10 Sat 5, 12 6, 13 7'],
    [
      '2026-09-28',
      40,
      '2026-11-27',
      '… 10/30 20, 11/2 21, 3 22, 4 23, 5 24, 6 25, 9 26, 10 27, 11 28, 12 29, 13 30, 16 31, 17 32, 18 33, 19 34, 20 35, 23 36, 24 37, 25 38, 26 39, 27 40',
    ],
    // 中秋 9/25–27 off and 国庆 10/1–7 off, Sunday 9/20 and Saturday 10/10 make-up
    [
      '2026-09-18',
      20,
      '2026-10-22',
      '9/19 Sat no, 9/20 Sun make-up 1, 21 2, 22 3, 23 4, 24 5, [9/25–27 off], 28 6, 29 7, 30 8, [10/1–7 off], 10/8 9, 9 10, 10/10 Sat 11, 12 12, 13 13, 14 14, 15 15, 16 16, 19 17, 20 18, 21 19, 22 20',
    ],
    // 春节 2/15–23 off, Saturdays 2/14 and 2/28 make-up
    [
      '2026-02-13',
      20,
      '2026-03-19',
      '2/14 Sat 1, [2/15–23 off], 24 2, 25 3, 26 4, 27 5, 2/28 Sat 6, 3/2 7, 3 8, 4 9, 5 10, 6 11, 9 12, 10 13, 11 14, 12 15, 13 16, 16 17, 17 18, 18 19, 19 20',
    ],
    // received on a 春节 holiday (online, confirmed 2/18)
    ['2026-02-18', 7, '2026-03-03', '[2/19–23 off], 2/24 1, 25 2, 26 3, 27 4, 2/28 Sat 5, 3/2 6, 3/3 7'],
    // 元旦 1/1–3 off, Sunday 1/4 make-up: a period crossing from 2025 into 2026
    ['2025-12-31', 1, '2026-01-04', '[1/1–3 off], 1/4 Sun make-up 1'],
    ['2025-12-31', 5, '2026-01-08', '1/4 Sun 1, 1/5 2, 6 3, 7 4, 8 5'],
    // 劳动节 5/1–5 off, Saturday 5/9 make-up
    ['2026-04-30', 5, '2026-05-11', '[5/1–5 off], 5/6 1, 7 2, 8 3, 5/9 Sat 4, 5/11 5'],
    // 端午 6/19–21 off (Fri–Sun)
    ['2026-06-18', 1, '2026-06-22', '[6/19–21 off], 6/22 1'],
    // 清明 4/4–6 off (Sat–Mon)
    ['2026-04-03', 1, '2026-04-07', '[4/4–6 off], 4/7 1'],
    // received on an ordinary Sunday
    [
      '2026-03-08',
      20,
      '2026-04-03',
      '3/9 1, 10 2, 11 3, 12 4, 13 5, 16 6, 17 7, 18 8, 19 9, 20 10, 23 11, 24 12, 25 13, 26 14, 27 15, 30 16, 31 17, 4/1 18, 2 19, 3 20',
    ],
    // received on a make-up Saturday: that day is day zero, not counted
    ['2026-10-10', 1, '2026-10-12', '10/11 Sun no, 10/12 1'],
  ]

  it.each(rows)('received %s, %i working days later is %s', (start, n, due) => {
    expect(addWorkingDays(d(start), n, packageCal)).toEqual({ day: due, provisional: false })
  })

  it('zero working days after a day is the day itself', () => {
    expect(addWorkingDays(d('2026-10-03'), 0, packageCal).day).toBe('2026-10-03')
  })

  it('a negative or fractional count of working days is refused', () => {
    expect(() => addWorkingDays(d('2026-10-03'), -1, packageCal)).toThrow(RangeError)
    expect(() => addWorkingDays(d('2026-10-03'), 1.5, packageCal)).toThrow(RangeError)
  })

  it('skipped days (a pause) are not counted', () => {
    // 2026-03-02 + 3, skipping 3/3 and 3/4: 3/5 1, 3/6 2, 3/9 3
    const skip = (day: string) => day === '2026-03-03' || day === '2026-03-04'
    expect(addWorkingDays(d('2026-03-02'), 3, packageCal, skip).day).toBe('2026-03-09')
  })
})

describe('workingDaysBetween: working days after the first day up to and including the second', () => {
  const rows: [from: string, to: string, n: number, count: string][] = [
    ['2026-09-30', '2026-10-12', 4, '[10/1–7 off], 10/8, 10/9, 10/10 Sat make-up, 10/12'],
    ['2025-01-27', '2025-02-10', 5, '[1/28–2/4 off], 2/5, 2/6, 2/7, 2/8 Sat make-up, 2/10'],
    ['2024-09-27', '2024-10-08', 3, '9/29 Sun make-up, 9/30, [10/1–7 off], 10/8'],
    ['2026-02-14', '2026-02-23', 0, 'the whole 春节 2/15–23 rests'],
    ['2026-10-30', '2026-10-30', 0, 'the same day'],
    ['2026-10-30', '2026-10-01', 0, 'an earlier day'],
  ]
  it.each(rows)('from %s to %s: %i', (from, to, n) => {
    expect(workingDaysBetween(d(from), d(to), packageCal)).toBe(n)
  })
})

describe('nextWorkingDayFrom', () => {
  it('a working day is its own next working day', () => {
    expect(nextWorkingDayFrom(d('2026-10-10'), packageCal)).toBe('2026-10-10')
  })
  it('from a holiday, the first working day after the holiday (2026 国庆: 10/8)', () => {
    expect(nextWorkingDayFrom(d('2026-10-01'), packageCal)).toBe('2026-10-08')
  })
})
