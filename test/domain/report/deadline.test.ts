import { describe, expect, it } from 'vitest'
import type { AgencyKind } from '../../../src/domain/agency/agencyKind.js'
import type { CalendarDay } from '../../../src/domain/calendar/calendarDay.js'
import { reportDeadlineState, reportDueDate, reportReminderDue } from '../../../src/domain/report/deadline.js'

const d = (s: string) => s as CalendarDay

// 《政府信息公开条例》第四十九条：县级以上人民政府部门每年1月31日前公布上一年度年度报告；
// 县级以上地方人民政府的年度报告每年3月31日前公布。Calendar dates: no working-day count applies.
describe('the deadline of an annual report', () => {
  it.each<[AgencyKind, number, string]>([
    ['department', 2025, '2026-01-31'], // 某市住房和城乡建设局: a department of a government
    ['vertical', 2025, '2026-01-31'], // 国家税务总局福州市税务局: an office, not a government
    ['stateCouncilDepartment', 2025, '2026-01-31'],
    ['justiceDepartment', 2025, '2026-01-31'],
    ['dispatched', 2025, '2026-01-31'],
    ['localGovernment', 2025, '2026-03-31'], // 西湖区人民政府
    ['provincialGovernment', 2025, '2026-03-31'], // 浙江省人民政府
    ['localGovernment', 2027, '2028-03-31'],
  ])('%s: the %i report is due by %s', (kind, year, due) => {
    expect(reportDueDate(year, kind)).toBe(due)
  })
})

describe('where an unpublished report stands', () => {
  it('is due soon in the 30 days before the deadline, and overdue after it', () => {
    // 2026-01-01 → 2026-01-31 is 30 days
    expect(reportDeadlineState(d('2026-01-31'), d('2026-01-01'), false)).toEqual({ state: 'dueSoon', daysLeft: 30 })
    expect(reportDeadlineState(d('2026-03-31'), d('2026-01-01'), false)).toEqual({ state: 'open', daysLeft: 89 })
    expect(reportDeadlineState(d('2026-01-31'), d('2026-02-02'), false)).toEqual({ state: 'overdue', daysLeft: -2 })
    expect(reportDeadlineState(d('2026-01-31'), d('2026-02-02'), true).state).toBe('published')
  })

  it('is reminded of 30, 14, 7, 3 and 1 days before, on the last day, then the day after and weekly', () => {
    const due = d('2026-01-31')
    const days = ['2026-01-01', '2026-01-17', '2026-01-24', '2026-01-28', '2026-01-30', '2026-01-31']
    for (const day of days) expect(reportReminderDue(due, d(day), false)).toBe(true)
    expect(reportReminderDue(due, d('2026-01-02'), false)).toBe(false)
    expect(reportReminderDue(due, d('2026-02-01'), false)).toBe(true) // the day after
    expect(reportReminderDue(due, d('2026-02-08'), false)).toBe(true) // a week later
    expect(reportReminderDue(due, d('2026-02-02'), false)).toBe(false)
    expect(reportReminderDue(due, d('2026-01-17'), true)).toBe(false) // published: no reminder
  })
})
