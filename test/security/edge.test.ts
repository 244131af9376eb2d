import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../src/services/actor.js'
import { importApplications } from '../../src/services/report/importApplications.js'
import { hitRateLimit, pruneRateLimits } from '../../src/services/rateLimits.js'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { TODAY, uniqueAgency } from '../auth/support.js'
import { makeAgency as makeCatalogAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 15 findings 2, 3 and 4 (and the edge of 9): what a stranger's headers and parameters can no longer do.

const PUBLIC_URL = 'https://xxgk.example.gov.cn'
const PERSON = {
  applicantKind: 'naturalPerson',
  name: '王小明',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '0570-1234567',
  email: 'wang@example.cn',
  address: '浙江省衢州市柯城区某路1号',
  description: '请公开2020年本市棚户区改造项目的征收补偿方案',
  delivery: 'electronic',
}
const LEDGER_HEADER = ['编号', '收到日期', '申请方式', '申请人类型', '申请人', '申请内容', '答复日期', '办理结果']

describeEachEngine('the edge: proxies, links, redirects, case numbers', (getStore) => {
  let store: Store
  let app: FastifyInstance
  let proxied: FastifyInstance
  let agencyId = 0
  let agencyCode = ''

  beforeAll(async () => {
    store = getStore()
    agencyId = await uniqueAgency(store, '戊市住房和城乡建设局')
    agencyCode = (
      await store.db.selectFrom('agencies').select('code').where('id', '=', agencyId).executeTakeFirstOrThrow()
    ).code
    app = await buildApp({ store, today: () => TODAY }, { edge: { trustedProxies: [], publicUrl: PUBLIC_URL } })
    proxied = await buildApp(
      { store, today: () => TODAY },
      { edge: { trustedProxies: ['10.0.0.2'], publicUrl: PUBLIC_URL } },
    )
  })
  afterAll(async () => {
    await app.close()
    await proxied.close()
  })

  const apply = (server: FastifyInstance, forwardedFor: string, remoteAddress: string) =>
    server.inject({
      method: 'POST',
      url: '/api/public/applications',
      remoteAddress,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({ agency: agencyCode, ...PERSON }),
    })

  it('finding 2: a rotating X-Forwarded-For gets at most 20 of 25 online applications accepted with no proxy configured', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) statuses.push((await apply(app, `203.0.113.${i + 1}`, '198.51.100.77')).statusCode)
    const accepted = statuses.filter((s) => s === 201).length
    console.info(`rotating X-Forwarded-For, no proxy configured: ${accepted} of 25 accepted`)
    expect(accepted).toBe(20)
    expect(statuses.filter((s) => s !== 201)).toEqual(Array(5).fill(429))
    // the counters are kept per socket address: one row, not one per forged address
    const rows = await store.db.selectFrom('rate_limits').select('key').where('key', 'like', 'submit:%').execute()
    expect(rows.map((r) => r.key)).toEqual(['submit:198.51.100.77'])
  })

  it('finding 2: behind a configured proxy, the address it forwards is the one counted', async () => {
    const fromProxy = await apply(proxied, '192.0.2.9', '10.0.0.2')
    expect(fromProxy.statusCode).toBe(201)
    const row = await store.db
      .selectFrom('audit_log')
      .select('ip')
      .orderBy('seq', 'desc')
      .where('action', '=', 'case.registered')
      .executeTakeFirstOrThrow()
    expect(row.ip).toBe('192.0.2.9')
    // a stranger who is not the proxy writes the header in vain
    const stranger = await proxied.inject({
      url: '/api/public/applications/NOSUCHCODE',
      remoteAddress: '198.51.100.200',
      headers: { 'x-forwarded-for': '192.0.2.10' },
    })
    expect(stranger.statusCode).toBe(404)
    const keys = await store.db.selectFrom('rate_limits').select('key').where('key', 'like', 'lookup:%').execute()
    expect(keys.map((k) => k.key)).toContain('lookup:198.51.100.200')
    expect(keys.map((k) => k.key)).not.toContain('lookup:192.0.2.10')
  })

  it('finding 2: Host and X-Forwarded-Host do not rewrite the links of the sitemap, the feeds or the API', async () => {
    const agency = await makeCatalogAgency(store)
    const doc = await makeDraft(store, agency)
    await reviewAndPublish(store, doc, '2026-03-02' as CalendarDay)
    const headers = { host: 'evil.example', 'x-forwarded-host': 'phish.example', 'x-forwarded-proto': 'http' }
    const sitemap = await app.inject({ url: '/sitemap.xml', headers })
    expect(sitemap.statusCode).toBe(200)
    expect(sitemap.body).toContain(`<loc>${PUBLIC_URL}/documents/${doc}</loc>`)
    expect(sitemap.body).not.toMatch(/evil\.example|phish\.example/)
    const api = await app.inject({ url: '/api/documents', headers })
    expect(api.statusCode).toBe(200)
    expect(api.body).not.toMatch(/evil\.example|phish\.example/)
    const urls = (api.json() as { items: { url: string }[] }).items.map((d) => d.url)
    expect(urls).toContain(`${PUBLIC_URL}/documents/${doc}`)
  })

  it('finding 2: the rate-limit table is pruned to a bound, the oldest windows first', async () => {
    const now = Date.UTC(2026, 10, 24, 12)
    for (let i = 0; i < 30; i++) await hitRateLimit(store.db, `flood:${i}`, 5, 60_000, now - (30 - i) * 60_000)
    const before = await store.db.selectFrom('rate_limits').select('key').execute()
    await pruneRateLimits(store.db, now, 10)
    const kept = (await store.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)
    expect(before.length).toBeGreaterThan(10)
    expect(kept).toHaveLength(10)
    expect(kept).toContain('flood:29')
    expect(kept).not.toContain('flood:0')
  })

  it('finding 3: a ledger that holds the next online 编号 is imported first, and online submissions still succeed', async () => {
    const other = await uniqueAgency(store, '己市自然资源局')
    const code = (
      await store.db.selectFrom('agencies').select('code').where('id', '=', other).executeTakeFirstOrThrow()
    ).code
    const rows = [
      LEDGER_HEADER,
      ['2026-00001', '2026-11-02', '网络', '自然人', '陈明', '请公开某小区物业维修资金使用情况', '', ''],
      ['2026-00002', '2026-11-03', '网络', '自然人', '陈明', '请公开某小区绿化改造方案', '', ''],
    ]
    const imported = await importApplications(store, { agencyCode: code, rows, today: TODAY })
    expect(imported.errors).toEqual([])
    expect(imported.created).toBe(2)
    const refs: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/applications',
        remoteAddress: `198.51.100.${10 + i}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ agency: code, ...PERSON }),
      })
      expect(res.statusCode).toBe(201)
      const q = (res.json() as { queryCode: string }).queryCode
      refs.push(
        (await store.db.selectFrom('applications').select('ref').where('query_code', '=', q).executeTakeFirstOrThrow())
          .ref,
      )
    }
    expect(refs).toEqual(['2026-00003', '2026-00004', '2026-00005'])
  })

  it('finding 4: /a11y sends the browser back only to a path of this site', async () => {
    const back = async (raw: string) => {
      const res = await app.inject({ url: `/a11y?mode=elder&back=${raw}` })
      return { status: res.statusCode, location: String(res.headers.location), headers: res.headers }
    }
    for (const hostile of [
      '/%09/other-host/phish',
      '/%0a/other-host',
      '/%0d%0a/other-host',
      '//other-host',
      '/\\other-host',
      '/%5Cother-host',
      '/.//other-host',
      'https://other-host/',
      '/%2e%2e//other-host',
    ]) {
      const r = await back(hostile)
      expect([hostile, r.status]).toEqual([hostile, 303])
      expect([hostile, r.location]).toEqual([hostile, '/'])
    }
    const crlf = await back('/x%0d%0aSet-Cookie:%20a=b')
    expect(crlf.status).toBe(303)
    expect(crlf.location.startsWith('/x')).toBe(true)
    expect(crlf.location).not.toMatch(/[\r\n]/)
    expect(crlf.headers['x-content-type-options']).toBe('nosniff')
    expect((await back('/documents/1?page=2')).location).toBe('/documents/1?page=2')
  })

  it('finding 9: no 5xx from a bad id, an id above int range or a NUL byte, answered in Chinese', async () => {
    const cases: [string, InjectOptions][] = [
      ['/documents/1/files/abc', { url: '/documents/1/files/abc' }],
      ['/api/documents/1/files/abc', { url: '/documents/1/files/abc', headers: { accept: 'application/json' } }],
      ['id above int range', { url: '/documents/99999999999/files/99999999999' }],
      ['document id above int range', { url: '/documents/2147483648' }],
      ['NUL in the query', { url: '/api/documents?q=%00' }],
      ['NUL in the path', { url: '/xxgk/%00' }],
      ['NUL in a status look-up', { url: '/api/public/applications/AB%00CD' }],
      [
        'NUL in a JSON field',
        {
          method: 'POST',
          url: '/api/public/applications',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ agency: agencyCode, ...PERSON, name: '王\u0000小明' }),
          remoteAddress: '198.51.100.150',
        },
      ],
    ]
    for (const [what, req] of cases) {
      const res = await app.inject(req)
      expect([what, res.statusCode < 500]).toEqual([what, true])
      expect([what, res.statusCode >= 400]).toEqual([what, true])
      expect([what, /[\u4e00-\u9fff]/.test(res.body)]).toEqual([what, true])
    }
    const nul = await app.inject((cases[7] as [string, InjectOptions])[1])
    expect(nul.statusCode).toBe(400)
    expect(nul.body).toContain('空字符')
  })

  it('finding 9: 30 concurrent publishes of one report are numbered one after the other, none fails', async () => {
    const { publishReport } = await import('../../src/services/report/publishReport.js')
    const actor = systemActor('test')
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        publishReport({
          store,
          actor,
          agency: agencyId,
          year: 2025,
          by: '陈敏',
          note: `第${i + 1}次`,
          override: '测试并发发布',
        }),
      ),
    )
    const failed = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))
    expect(failed).toEqual([])
    const versions = results.map((r) => (r.status === 'fulfilled' ? r.value.version : 0)).sort((a, b) => a - b)
    expect(versions).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
  }, 120_000)
})
