import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Actor } from '../../src/services/actor.js'
import { systemActor } from '../../src/services/actor.js'
import { INSPECTION_HEADER, runSiteInspection } from '../../src/services/siteInspection/runSiteInspection.js'
import { siteInspectionReport } from '../../src/services/siteInspection/siteInspectionPages.js'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import { makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 18, site inspection: every public page's links checked by route, each column's freshness against the
// agency's thresholds (defaults of 国办秘函〔2019〕19号); a planted broken link and a stale column are found, a
// clean agency has nothing; a supervisor reads each agency's count.

const TODAY = '2026-03-02' as CalendarDay

async function inspect(store: Store) {
  const app = await buildApp({ store, today: () => TODAY })
  try {
    return await runSiteInspection({
      store,
      actor: systemActor('test'),
      today: TODAY,
      fetchPage: async (path) => {
        const res = await app.inject({ url: path, headers: { [INSPECTION_HEADER]: '1', accept: 'text/html' } })
        return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body }
      },
    })
  } finally {
    await app.close()
  }
}

describeEachEngine('site inspection', (store) => {
  it('finds a planted broken link and a stale column, and nothing in a clean agency', async () => {
    // the agency says its 法定主动公开内容 is a 通知公告 column, to be updated within 30 days
    const planted = await makeAgency(store(), {
      siteFreshness: { classes: { statutory: 'notice' }, days: { notice: 30 } },
    })
    const clean = await makeAgency(store())
    const broken = await makeDraft(
      store(),
      planted,
      {
        title: '关于物业服务收费的通知',
        bodyHtml: '<p>详见<a href="/documents/987654">附表</a>，另见<a href="/">首页</a>。</p>',
        formedOn: '2026-01-04',
      },
      '2026-01-05' as CalendarDay,
    )
    await reviewAndPublish(store(), broken, '2026-01-05' as CalendarDay)
    for (const a of [planted, clean]) {
      const report = await makeDraft(
        store(),
        a,
        { title: '2025年政府信息公开工作年度报告', columnId: a.columns.get('annual-reports'), formedOn: '2026-01-20' },
        '2026-01-20' as CalendarDay,
      )
      await reviewAndPublish(store(), report, '2026-01-20' as CalendarDay)
    }
    const ok = await makeDraft(
      store(),
      clean,
      { title: '关于住房公积金的说明', bodyHtml: '<p>见<a href="/">首页</a></p>', formedOn: '2025-03-01' },
      '2025-03-02' as CalendarDay,
    )
    await reviewAndPublish(store(), ok, '2025-03-02' as CalendarDay)

    const r = await inspect(store())
    expect(r.pages).toBeGreaterThan(5)
    const mine = r.findings.filter((f) => f.agencyId === planted.id)
    // the broken link is on the document's page and on its print view
    const links = mine.filter((f) => f.kind === 'link')
    expect(links.map((f) => [f.page, f.target])).toEqual([
      [`/documents/${broken}`, '/documents/987654'],
      [`/documents/${broken}/print`, '/documents/987654'],
    ])
    expect(links[0]?.message).toBe('错链：/documents/987654 返回 404')
    expect(mine.filter((f) => f.kind === 'stale')).toHaveLength(1)
    expect(mine.find((f) => f.kind === 'stale')?.message).toContain(
      '「法定主动公开内容」最近一次发布于 2026-01-05，已 56 天未更新',
    )
    expect(r.findings.filter((f) => f.agencyId === clean.id)).toEqual([])

    // a supervisor of both agencies sees each one's count and what failed
    const supervisor: Actor = {
      username: 'sup',
      ip: '',
      principal: {
        userId: 1,
        username: 'sup',
        roles: ['supervisor'],
        agencyId: null,
        departmentIds: [],
        supervisedAgencyIds: [planted.id, clean.id],
      },
    }
    const seen = await siteInspectionReport({ store: store(), actor: supervisor })
    expect(seen.counts.map((c) => c.count)).toEqual([3, 0])
    expect(new Set(seen.findings.map((f) => f.kind))).toEqual(new Set(['栏目不更新', '错链']))
  })
})
