import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { periodOf } from '../../src/domain/supervision/period.js'
import { DEFAULT_WEIGHTS } from '../../src/domain/supervision/score.js'
import { yearFigures } from '../../src/export/reportChart.js'
import type { Actor } from '../../src/services/actor.js'
import { supervisedSubtree } from '../../src/services/supervision/supervisedSubtree.js'
import { QUZHOU, loadDemo } from '../../src/services/demo/loadDemo.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { supervisedCases } from '../../src/services/supervision/supervisedCases.js'
import { supervisionOverview } from '../../src/services/supervision/supervisionOverview.js'
import { findUserByUsername, principalOf } from '../../src/store/userRepo.js'
import { get, signIn, testApp } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

const TODAY = '2026-01-20' as CalendarDay
const DEMO_PASSWORD = 'Gongkai#Demo2026'

describeEachEngine("the supervisor's figures", (getStore) => {
  let actor: Actor
  let app: FastifyInstance
  beforeAll(async () => {
    const store = getStore()
    await loadDemo(store)
    const row = await findUserByUsername(store.db, 'supervisor')
    if (!row) throw new Error('the demo has no supervisor')
    actor = { username: 'supervisor', ip: '', principal: principalOf(row, await supervisedSubtree(store.db, row)) }
    app = await testApp(store, TODAY)
  }, 300_000)
  afterAll(async () => app?.close())

  it("are, for each agency of the subtree and a year, that agency's own report figures", async () => {
    const store = getStore()
    const o = await supervisionOverview({
      store,
      actor,
      period: periodOf(2025, null),
      weights: DEFAULT_WEIGHTS,
      sort: 'tree',
      today: TODAY,
    })
    expect(o.scope.root.name).toBe('福州市人民政府')
    expect(o.lines.map((l) => l.agency.name)).toContain('福州市住房保障和房产管理局')
    expect(o.lines.length).toBeGreaterThanOrEqual(7)
    for (const l of o.lines) {
      const report = await generateReport(store, { agency: l.agency.id, year: 2025 })
      const own = yearFigures(report)
      const t4 = report.reviewsAndLawsuits
      expect({ agency: l.agency.name, received: l.now.received, answered: l.now.answered }).toEqual({
        agency: l.agency.name,
        received: own.received,
        answered: own.answered,
      })
      expect(l.now.outcomes).toEqual(own.groups)
      expect(l.now.late).toBe(report.timeliness?.late)
      expect(l.now.reviews.corrected).toBe(t4?.review.corrected)
      expect(l.now.reviews.decided).toBe((t4?.review.total ?? 0) - (t4?.review.pending ?? 0))
    }
    // the demo city has a year of cases, some answered late and some reviews corrected
    expect(o.total.now.received).toBeGreaterThan(50)
    expect(o.total.now.late).toBeGreaterThan(0)
    expect(o.total.now.reviews.corrected).toBeGreaterThan(0)
  })

  it('opens, for each figure, exactly the cases it counts', async () => {
    const store = getStore()
    const period = periodOf(2025, 4)
    const o = await supervisionOverview({ store, actor, period, weights: DEFAULT_WEIGHTS, sort: 'score', today: TODAY })
    let overdue = 0
    for (const l of o.lines) {
      for (const fact of ['received', 'answered', 'late', 'overdue'] as const) {
        const { rows } = await supervisedCases({ store, actor, agencyId: l.agency.id, period, fact, today: TODAY })
        const figure = fact === 'overdue' ? l.now.overdueNow : l.now[fact]
        expect({ agency: l.agency.name, fact, n: rows.length }).toEqual({ agency: l.agency.name, fact, n: figure })
      }
      overdue += l.now.overdueNow
    }
    expect(overdue).toBeGreaterThan(0)
  })

  it("refuses the cases of an agency outside the supervisor's subtree", async () => {
    const store = getStore()
    const quzhou = await store.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', QUZHOU.code)
      .executeTakeFirstOrThrow()
    await expect(
      supervisedCases({
        store,
        actor,
        agencyId: Number(quzhou.id),
        period: periodOf(2025, 4),
        fact: 'received',
        today: TODAY,
      }),
    ).rejects.toThrow()
    const a = await signIn(app, 'supervisor', DEMO_PASSWORD)
    const res = await get(app, a, `/console/supervision/cases?agency=${Number(quzhou.id)}&period=2025Q4&fact=received`)
    expect(res.statusCode).toBe(403)
  })

  it('shows the comparison, the report collection and a generated 通报 to the supervisor', async () => {
    const a = await signIn(app, 'supervisor', DEMO_PASSWORD)
    const page = await get(app, a, '/console/supervision?period=2025Q4')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('福州市教育局')
    expect(page.body).not.toContain('衢州市住房和城乡建设局')
    const reports = await get(app, a, '/console/supervision/reports?year=2025')
    expect(reports.statusCode).toBe(200)
    expect(reports.body).toContain('由记录计算')
    const xlsx = await get(app, a, '/console/supervision/reports.xlsx?year=2025')
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
  })
})
