import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { creditCodeCheckChar } from '../../src/domain/agency/creditCode.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { runReminders } from '../../src/jobs/reminders.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { createAgency } from '../../src/services/agencies.js'
import { publishReport } from '../../src/services/report/publishReport.js'
import { reportDeadlines } from '../../src/services/report/reportDeadlines.js'
import type { Store } from '../../src/store/database.js'
import { get, PASSWORD, signIn, testApp } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// 《政府信息公开条例》第四十九条：县级以上人民政府部门每年1月31日前、县级以上地方人民政府每年3月31日前公布上一年度的
// 年度报告. Calendar dates (no working-day count); reminders 30, 14, 7, 3, 1 and 0 days before, the day after and
// weekly after that (docs/decisions/0015-report-deadline-reminders.md).

const day = (s: string) => s as CalendarDay
let serial = 0
async function agency(store: Store, name: string, settings: Record<string, unknown> = {}): Promise<number> {
  const first17 = `11330100${String(4100000 + ++serial * 13 + Math.floor(Math.random() * 1000)).padStart(9, '0')}`
  return createAgency(store, { name, code: `${first17}${creditCodeCheckChar(first17)}`, settings })
}

describeEachEngine('annual report deadlines', (getStore) => {
  let bureau = 0
  let government = 0
  let app: FastifyInstance | undefined
  const mine = (run: Awaited<ReturnType<typeof runReminders>>) =>
    run.reports.filter((r) => [bureau, government].includes(r.agencyId))
  beforeAll(async () => {
    bureau = await agency(getStore(), '杭州市西湖区城市管理局')
    government = await agency(getStore(), '杭州市西湖区人民政府')
  })
  afterAll(async () => app?.close())

  it('reminds a department 14 days before 31 January; a people’s government is not due until 31 March', async () => {
    // 2026-01-17 + 14 days = 2026-01-31
    const run = await runReminders(getStore(), day('2026-01-17'))
    expect(mine(run)).toEqual([
      {
        kind: 'reportDueSoon',
        agencyId: bureau,
        agency: '杭州市西湖区城市管理局',
        year: 2025,
        deadline: '2026-01-31',
        message:
          '杭州市西湖区城市管理局2025年度政府信息公开工作年度报告应于2026-01-31前公布（条例第四十九条），尚未发布，还有14天',
      },
    ])
    expect(mine(await runReminders(getStore(), day('2026-01-17')))).toEqual([]) // once a day
  })

  it('shows the office its unpublished report and its deadline on the dashboard', async () => {
    await createUser({
      store: getStore(),
      actor: systemActor('test'),
      username: 'dl-office',
      displayName: '城管局 办公室',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['office'],
      agencyId: bureau,
    })
    app = await testApp(getStore(), day('2026-01-17'))
    const page = await get(app, await signIn(app, 'dl-office'), '/console')
    expect(page.body).toContain('年度报告公布期限')
    expect(page.body).toContain(
      `<a href="/console/reports/${bureau}/2025">杭州市西湖区城市管理局2025年度政府信息公开工作年度报告应于2026-01-31前公布（条例第四十九条），尚未发布，还有14天</a>`,
    )
  })

  it('reminds the government 30 days before 31 March, and the department it is overdue', async () => {
    // 2026-03-01 + 30 days = 2026-03-31; 2026-01-31 + 29 days = 2026-03-01 (January 31 + February 28)
    const run = await runReminders(getStore(), day('2026-03-01'))
    expect(mine(run).map((r) => [r.agencyId, r.kind, r.deadline])).toEqual([
      [bureau, 'reportOverdue', '2026-01-31'],
      [government, 'reportDueSoon', '2026-03-31'],
    ])
    expect(mine(run)[0]?.message).toContain('应于2026-01-31前公布（条例第四十九条），已逾期29天，尚未发布')
  })

  it('stops reminding once the report is published', async () => {
    const override = '测试：仅检查提醒'
    await publishReport({
      store: getStore(),
      actor: systemActor('test'),
      agency: bureau,
      year: 2025,
      by: '办公室',
      override,
    })
    // 2026-03-08 is 36 days after 2026-01-31: a weekly overdue reminder day, were it unpublished
    const run = await runReminders(getStore(), day('2026-03-08'))
    expect(mine(run).map((r) => r.agencyId)).toEqual([])
    // the government: 2026-03-24 + 7 days = 2026-03-31
    expect(mine(await runReminders(getStore(), day('2026-03-24'))).map((r) => r.agencyId)).toEqual([government])
  })

  it('takes the kind an administrator set over the one the name suggests', async () => {
    // a 管理委员会 its administrator set as a people's government (decision 0010): 31 March, not 31 January
    const zone = await agency(getStore(), '杭州市钱塘新区管理委员会', { kind: 'localGovernment' })
    const [line] = await reportDeadlines(getStore(), day('2026-01-17'), [zone])
    expect([line?.due, line?.state, line?.daysLeft]).toEqual(['2026-03-31', 'open', 73]) // 14 + 28 + 31 days
  })
})
