import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachEngine } from '../support/engines.js'
import { buildApp } from '../../src/web/app.js'
import { makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'
import { attachmentDir, today } from './world.js'

describeEachEngine('the public portal pages', (get) => {
  let app: FastifyInstance
  let agency: Awaited<ReturnType<typeof makeAgency>>
  let policy: number
  let reading: number
  let hostile: number
  beforeAll(async () => {
    attachmentDir()
    agency = await makeAgency(get())
    policy = await makeDraft(get(), agency, { genre: '规范性文件', source: '市住建局' })
    reading = await makeDraft(get(), agency, {
      title: '关于进一步规范住宅物业服务收费的通知的政策解读',
      docNo: null,
      interpretsId: policy,
      genre: '政策解读',
    })
    hostile = await makeDraft(get(), agency, {
      title: '<script>alert(1)</script>测试标题',
      bodyHtml: '<p onclick="x()">正文<script>alert(2)</script><a href="javascript:alert(3)">链接</a></p>',
      docNo: null,
    })
    for (const id of [policy, reading, hostile]) await reviewAndPublish(get(), id, today)
    const report = await makeDraft(get(), agency, {
      columnId: agency.columns.get('annual-reports') as number,
      title: '2025年政府信息公开工作年度报告',
      bodyHtml: '<p>本年度政府信息公开工作情况如下。</p>',
      docNo: null,
    })
    await reviewAndPublish(get(), report, today)
    app = await buildApp({ store: get(), today: () => today })
  })
  afterAll(async () => app?.close())

  it('the document page shows the metadata box like the 衢州 header and counts the view', async () => {
    const first = await app.inject({ url: `/documents/${policy}` })
    expect(first.statusCode).toBe(200)
    const text = first.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    for (const field of ['索引号', '成文日期', '公开方式', '组配分类', '发布机构', '发布日期', '信息来源', '浏览次数'])
      expect(text).toContain(field)
    expect(text).toMatch(new RegExp(`索引号 ${agency.code}/2026-\\d{5}`))
    expect(text).toContain('公开方式 主动公开')
    expect(text).toContain('组配分类 规范性文件')
    expect(text).toContain('信息来源 市住建局')
    expect(text).toContain('浏览次数 1')
    const second = await app.inject({ url: `/documents/${policy}` })
    expect(second.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('浏览次数 2')
  })

  it('links a policy and its interpretation both ways', async () => {
    const p = await app.inject({ url: `/documents/${policy}` })
    expect(p.body).toContain(`href="/documents/${reading}"`)
    const r = await app.inject({ url: `/documents/${reading}` })
    expect(r.body).toContain(`href="/documents/${policy}"`)
  })

  it('escapes titles and drops scripts, handlers and javascript: links from bodies', async () => {
    const res = await app.inject({ url: `/documents/${hostile}` })
    expect(res.body).not.toContain('<script>')
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>测试标题')
    expect(res.body).not.toContain('onclick')
    expect(res.body).not.toContain('javascript:')
  })

  it('the home page shows the latest items of each column, the annual report in 政府信息公开年报', async () => {
    const res = await app.inject({ url: '/' })
    expect(res.body).toContain('政府信息公开年报')
    expect(res.body).toContain('2025年政府信息公开工作年度报告')
    expect(res.body).toContain(`/xxgk/${agency.code}/annual-reports`)
  })

  it('the column page lists its items with the catalog tree; an unknown column is a Chinese 404 page', async () => {
    const res = await app.inject({ url: `/xxgk/${agency.code}/statutory` })
    expect(res.body).toContain('信息公开目录')
    expect(res.body).toContain('关于进一步规范住宅物业服务收费的通知')
    expect(res.body).toContain('aria-current="page"')
    const missing = await app.inject({ url: `/xxgk/${agency.code}/nope` })
    expect([missing.statusCode, missing.body.includes('未找到该栏目')]).toEqual([404, true])
  })

  it('the search page marks the words found and escapes the echoed query', async () => {
    const res = await app.inject({ url: `/search?q=${encodeURIComponent('物业')}` })
    expect(res.body).toContain('<mark>物业</mark>')
    const hostileQuery = await app.inject({ url: `/search?q=${encodeURIComponent('"><img src=x>')}` })
    expect(hostileQuery.statusCode).toBe(200)
    expect(hostileQuery.body).not.toContain('<img src=x>')
  })

  it('GET /api/documents answers { total, items: [{ indexNo, title, publishedOn, url }] }', async () => {
    const res = await app.inject({ url: `/api/documents?q=${encodeURIComponent('物业')}&page=1` })
    const body = res.json() as {
      total: number
      items: { indexNo: string; title: string; publishedOn: string; url: string }[]
    }
    expect(Object.keys(body)).toEqual(['total', 'items'])
    expect(body.total).toBe(2)
    expect(body.items[0]).toMatchObject({
      indexNo: expect.stringMatching(/^\w{18}\/2026-\d{5}$/),
      publishedOn: '2026-03-02',
      url: expect.stringMatching(/^http:\/\/localhost(:\d+)?\/documents\/\d+$/),
    })
    const bad = await app.inject({ url: '/api/documents?q=x&page=0' })
    expect([bad.statusCode, (bad.json() as { error: string }).error]).toEqual([400, '页码无效'])
  })

  it('the Atom feed of a column and the sitemap list the published pages', async () => {
    const feed = await app.inject({ url: `/feeds/${agency.code}/statutory.atom` })
    expect(feed.headers['content-type']).toContain('application/atom+xml')
    expect(feed.body).toContain('<title>关于进一步规范住宅物业服务收费的通知</title>')
    expect(feed.body).toContain('&lt;script&gt;')
    const sitemap = await app.inject({ url: '/sitemap.xml' })
    expect(sitemap.body).toContain(`/documents/${policy}</loc>`)
  })

  it('the 适老化 link sets the large-text mode and returns to the page (no script needed)', async () => {
    const set = await app.inject({ url: `/a11y?mode=elder&back=${encodeURIComponent(`/documents/${policy}`)}` })
    expect([set.statusCode, set.headers.location]).toEqual([303, `/documents/${policy}`])
    const cookie = String(set.headers['set-cookie']).split(';')[0] as string
    const page = await app.inject({ url: `/documents/${policy}`, headers: { cookie } })
    expect(page.body).toContain('<body class="elder">')
    const offsite = await app.inject({ url: '/a11y?mode=elder&back=//evil.example' })
    expect(offsite.headers.location).toBe('/')
  })
})
