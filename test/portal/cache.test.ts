import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import { buildApp } from '../../src/web/app.js'
import { catalogVersion } from '../../src/services/catalog/pageCache.js'
import { withdrawDocument } from '../../src/services/catalog/workflow.js'
import { changeValidity } from '../../src/services/catalog/documentMetadata.js'
import { makeAgency, makeDraft, office, reviewAndPublish } from '../catalog/factories.js'
import { attachmentDir } from './world.js'

// The portal keeps rendered pages (bench/portal); a change to the catalog, or a new day, must show at once.

describeEachEngine('cached portal pages follow every change at once', (get) => {
  let app: FastifyInstance
  let day = '2026-03-02' as CalendarDay
  let agency: Awaited<ReturnType<typeof makeAgency>>
  beforeAll(async () => {
    attachmentDir()
    agency = await makeAgency(get())
    app = await buildApp({ store: get(), today: () => day })
  })
  afterAll(async () => app?.close())
  const text = async (url: string) => {
    const res = await app.inject({ url })
    return { status: res.statusCode, text: res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') }
  }

  it('a withdrawn document leaves its cached page, column, home page and print view', async () => {
    const id = await makeDraft(get(), agency, { title: '关于公布第一批老旧小区改造项目的通知' })
    await reviewAndPublish(get(), id, day)
    const urls = [`/documents/${id}`, `/documents/${id}/print`, `/xxgk/${agency.code}/statutory`, '/']
    for (const url of urls) expect((await text(url)).text, url).toContain('第一批老旧小区改造项目')
    await withdrawDocument(get(), id, '内容有误', office, day)
    for (const url of urls) expect((await text(url)).text, url).not.toContain('第一批老旧小区改造项目')
    expect((await text(`/documents/${id}`)).status).toBe(404)
  })

  it('a change of 有效性 shows on the cached page', async () => {
    const id = await makeDraft(get(), agency, { title: '住房公积金缴存比例的通知' })
    await reviewAndPublish(get(), id, day)
    expect((await text(`/documents/${id}`)).text).toContain('有效性 有效')
    await changeValidity(get(), id, 'repealed', day, office, day)
    expect((await text(`/documents/${id}`)).text).toContain('有效性 废止')
  })

  it('a scheduled item appears on its day', async () => {
    const id = await makeDraft(get(), agency, { title: '关于征收补偿标准调整的公告' })
    await reviewAndPublish(get(), id, day, { on: '2026-03-05' as CalendarDay })
    expect((await text(`/xxgk/${agency.code}/statutory`)).text).not.toContain('征收补偿标准调整')
    day = '2026-03-05' as CalendarDay
    expect((await text(`/xxgk/${agency.code}/statutory`)).text).toContain('征收补偿标准调整')
    expect((await text(`/documents/${id}`)).status).toBe(200)
  })

  it('counts every view of a cached page and stores the views when the app closes', async () => {
    const id = await makeDraft(get(), agency, { title: '物业服务企业信用评价结果' })
    await reviewAndPublish(get(), id, day)
    const before = await catalogVersion(get())
    for (let n = 1; n <= 3; n++) expect((await text(`/documents/${id}`)).text).toContain(`浏览次数 ${n}`)
    expect((await text(`/documents/${id}/print`)).text).toContain('浏览次数 3')
    // a view count is not a change of the catalog: the cached pages stay
    expect(await catalogVersion(get())).toBe(before)
    const other = await buildApp({ store: get(), today: () => day })
    await app.close()
    const row = await get().db.selectFrom('documents').select('views').where('id', '=', id).executeTakeFirstOrThrow()
    expect(Number(row.views)).toBe(3)
    app = other
    expect((await text(`/documents/${id}`)).text).toContain('浏览次数 4')
  })
})
