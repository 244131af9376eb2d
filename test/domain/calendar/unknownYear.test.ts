import { describe, expect, it } from 'vitest'
import { computeClock } from '../../../src/domain/application/clock.js'
import { calendarDiff } from '../../../src/domain/calendar/calendarDiff.js'
import { statutoryHolidays } from '../../../src/domain/calendar/statutoryHolidays.js'
import type { CalendarOverride } from '../../../src/domain/calendar/workCalendar.js'
import { isProvisionalHoliday, isWorkingDay } from '../../../src/domain/calendar/workingDays.js'
import { parseYearNotice } from '../../../src/services/calendarAdmin.js'
import { d, makeCalendar, packageCal } from '../support/calendar.js'
import { ev } from '../support/events.js'

/**
 * 国务院办公厅关于2027年部分节假日安排的通知 — NOT THE REAL ONE: the real 2027 notice is not known to this
 * project as this test is written. A plausible notice, in the form the State Council publishes, built on
 * 《全国年节及纪念日放假办法》 (2025 revision) and the 2027 lunar dates:
 * 一、元旦：1月1日（周五）至3日（周日）放假，共3天。
 * 二、春节：2月5日（除夕，周五）至14日（周日）放假调休，共10天。1月31日（周日）、2月20日（周六）上班。
 * 三、清明节：4月3日（周六）至5日（周一）放假，共3天。
 * 四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日（周六）上班。
 * 五、端午节：6月9日（周三）放假，共1天。
 * 六、中秋节：9月15日（周三）放假，共1天。
 * 七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
 */
const NOTICE_2027 = {
  year: 2027,
  holidays: [
    '2027-01-01~2027-01-03',
    '2027-02-05~2027-02-14',
    '2027-04-03~2027-04-05',
    '2027-05-01~2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01~2027-10-07',
  ],
  workdays: ['2027-01-31', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用的假设通知）',
}

function entered(input: unknown) {
  const n = parseYearNotice(input)
  const overrides: CalendarOverride[] = [
    ...n.holidays.map((day) => ({ day, kind: 'holiday' as const })),
    ...n.workdays.map((day) => ({ day, kind: 'workday' as const })),
  ]
  return makeCalendar({ overrides, enteredYears: [n.year] })
}

const with2027 = entered(NOTICE_2027)

describe('2027 before its notice: the holidays of 《全国年节及纪念日放假办法》第二条, marked 暂定', () => {
  it('元旦 1/1, 劳动节 5/1–2 and 国庆 10/1–3 rest, each a provisional holiday', () => {
    for (const day of ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']) {
      expect(isWorkingDay(d(day), packageCal), day).toBe(false)
      expect(isProvisionalHoliday(d(day), packageCal), day).toBe(true)
    }
  })

  it('the lunar holidays come from the lunar calendar: 除夕 2/5 to 初三 2/8, 清明 4/5, 端午 6/9, 中秋 9/15', () => {
    // 2027 正月初一 = 2027-02-06 (丁未年); 清明 (solar term) 4/5; 五月初五 6/9; 八月十五 9/15
    expect([...statutoryHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ])
  })

  it('the lunar holidays agree with the State Council notices of known years (春节 2024–2026)', () => {
    // 2024: 除夕 2/9 (notice: 2/10–17 off); 2025: 除夕 1/28 (notice 1/28–2/4); 2026: 除夕 2/16 (notice 2/15–23)
    expect(statutoryHolidays(2024).has('2024-02-09')).toBe(true)
    expect(statutoryHolidays(2025).has('2025-01-28')).toBe(true)
    expect(statutoryHolidays(2026).has('2026-02-16')).toBe(true)
    // and each is inside the notice, except 2024's 除夕 (a working Friday that year: the notice decides)
    expect(packageCal.holidays.has('2025-01-28')).toBe(true)
    expect(packageCal.holidays.has('2026-02-16')).toBe(true)
  })

  it('a provisional holiday never applies to a known year', () => {
    // 2024-02-09 (除夕) was a working day by the 2024 notice
    expect(isProvisionalHoliday(d('2024-02-09'), packageCal)).toBe(false)
  })
})

describe('the same 2027 dates before and after entering the notice (《条例》第三十三条: 20 working days)', () => {
  it('received 2026-12-15: due 1/13 either way; 暂定 before, firm after', () => {
    const history = [ev.registered('2026-12-15')]
    // before: 12/16 1 … 12/31 12, [1/1 元旦 暂定], 1/4 13, 5 14, 6 15, 7 16, 8 17, 11 18, 12 19, 13 20
    expect(computeClock(history, packageCal, d('2026-12-15')).dueBy).toEqual({ day: '2027-01-13', provisional: true })
    // after: [1/1–3 off by the notice] … the same count, 1/13
    expect(computeClock(history, with2027, d('2026-12-15')).dueBy).toEqual({ day: '2027-01-13', provisional: false })
  })

  it('received 2027-09-20: 10/19 暂定 before (国庆 10/1–3 only); 10/21 after (10/1–7 off, 9/26 and 10/9 worked)', () => {
    const history = [ev.registered('2027-09-20')]
    // before: 9/21 1, 22 2, 23 3, 24 4, 27 5, 28 6, 29 7, 30 8, [10/1 Fri 国庆 暂定, 10/2–3], 10/4 9, 5 10,
    // 6 11, 7 12, 8 13, 11 14, 12 15, 13 16, 14 17, 15 18, 18 19, 19 20
    const before = computeClock(history, packageCal, d('2027-09-20'))
    expect(before.dueBy).toEqual({ day: '2027-10-19', provisional: true })
    expect(before.provisional).toBe(true)
    // after: 9/21 1, 22 2, 23 3, 24 4, 9/26 Sun (调休) 5, 27 6, 28 7, 29 8, 30 9, [10/1–7], 10/8 10,
    // 10/9 Sat (调休) 11, 11 12, 12 13, 13 14, 14 15, 15 16, 18 17, 19 18, 20 19, 21 20
    const after = computeClock(history, with2027, d('2027-09-20'))
    expect(after.dueBy).toEqual({ day: '2027-10-21', provisional: false })
    expect(after.provisional).toBe(false)
  })

  it('the diff of entering the notice names what changes, e.g. 10/4 上班 → 放假 and 9/26 休息日 → 调休上班', () => {
    const changes = calendarDiff(packageCal, with2027, d('2027-01-01'), d('2027-12-31'))
    expect(changes).toContainEqual({ day: '2027-01-01', before: '放假（暂定）', after: '放假' })
    expect(changes).toContainEqual({ day: '2027-10-04', before: '上班', after: '放假' })
    expect(changes).toContainEqual({ day: '2027-09-26', before: '休息日', after: '调休上班' })
    // a day the notice leaves as it was is not listed: 3/1 is an ordinary Monday
    expect(changes.find((c) => c.day === '2027-03-01')).toBeUndefined()
  })
})

describe('a notice replaces its year', () => {
  it('a day the package lists for an entered year is dropped when the notice does not list it', () => {
    // re-entering 2026 without 2026-06-19 (端午 in the 2026 notice): the day is then an ordinary Friday
    const cal = entered({ year: 2026, holidays: ['2026-01-01~2026-01-03'], workdays: [], source: '测试' })
    expect(packageCal.holidays.has('2026-06-19')).toBe(true)
    expect(isWorkingDay(d('2026-06-19'), cal)).toBe(true)
  })

  it('a notice may list a day of the year before (2023 notice: 2022-12-31 to 2023-01-02)', () => {
    const n = parseYearNotice({
      year: 2023,
      holidays: ['2022-12-31~2023-01-02'],
      workdays: [],
      source: '国办发明电〔2022〕16号',
    })
    expect(n.holidays).toEqual(['2022-12-31', '2023-01-01', '2023-01-02'])
  })

  it('but not a day two years off, nor one of the following year', () => {
    expect(() => parseYearNotice({ year: 2027, holidays: ['2025-12-31'], workdays: [], source: 'x' })).toThrow()
    expect(() => parseYearNotice({ year: 2027, holidays: ['2028-01-01'], workdays: [], source: 'x' })).toThrow()
  })
})
