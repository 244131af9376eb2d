import type { FastifyInstance, InjectOptions } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { buildApp } from '../../src/web/app.js'
import { isProtectedPath } from '../../src/web/auth/routeTable.js'
import type { Agent } from '../auth/support.js'
import { cookieHeader, makeWorld, takeCookies, TODAY } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 15 findings 9 and 11: malformed requests over every public route, on both engines: none may answer
// 500 or more, and every refusal of the JSON API is in Chinese (zod's and Fastify's own messages were English).
// Generated deterministically: each route × each malformed path, query and body below.

/** Values a path parameter should never be, each as it appears in the URL. */
const BAD_PARAMS = [
  'abc',
  '-1',
  '0',
  '1.5',
  '0x10',
  '1e9',
  '99999999999',
  '%00',
  '%ff',
  '%E4%B8',
  '..%2f..%2fetc',
  '%0d%0aX:1',
  'a'.repeat(400),
  '%20',
]

const BAD_QUERIES = [
  'page=abc&year=x',
  'page=-1&page=2',
  'q=%00',
  'year=99999999999&from=1899-12-31&to=9999-99-99',
  'a[b][c]=1&__proto__[x]=1',
  `q=${'长'.repeat(3000)}`,
  'code=%ff%fe',
  'back=//evil.example&mode=elder',
  'agency=0x10&id=1.5',
]

interface Body {
  type: string
  payload: string | Buffer
}

const deepJson = '['.repeat(5000) + ']'.repeat(5000)

/** Bodies a form or the JSON API should refuse; `csrf` is the visitor's token (forms are checked past CSRF). */
const badBodies = (csrf: string): Body[] => [
  { type: 'application/json', payload: '{' },
  { type: 'application/json', payload: 'null' },
  { type: 'application/json', payload: '[]' },
  { type: 'application/json', payload: JSON.stringify({ agency: 12, name: [1], description: { a: 1 } }) },
  { type: 'application/json', payload: JSON.stringify({ agency: '\u0000', name: 'x\u0000', description: '\u202e' }) },
  { type: 'application/json', payload: deepJson },
  { type: 'application/json', payload: JSON.stringify({ description: 'x'.repeat(1_000_000) }) },
  { type: 'application/x-www-form-urlencoded', payload: `_csrf=${csrf}&text=%00&year=0x10&on=1899-12-31` },
  { type: 'application/x-www-form-urlencoded', payload: `_csrf=${csrf}&%E4=%ff&a[b]=1` },
  { type: 'multipart/form-data; boundary=xyz', payload: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n' },
  { type: 'multipart/form-data', payload: 'no boundary' },
  { type: 'text/plain', payload: 'hello' },
  { type: 'application/xml', payload: '<a/>' },
]

const CJK = /[\u4e00-\u9fff]/

describeEachEngine('a fuzz run over every public route', (getStore, engine) => {
  let app: FastifyInstance
  const visitor: Agent = { cookies: new Map(), csrf: '' }

  beforeAll(async () => {
    await makeWorld(getStore())
    app = await buildApp(
      { store: getStore(), today: () => TODAY },
      { edge: { trustedProxies: [], publicUrl: 'https://xxgk.example.gov.cn' } },
    )
    await app.ready()
    const page = await app.inject({ url: '/apply' })
    takeCookies(visitor, page.headers['set-cookie'])
    visitor.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  })

  it('≥ 500 malformed requests: 0 answers of 500 or more, and the JSON API refuses in Chinese', async () => {
    const routes = app.declaredRoutes.filter(
      (r) =>
        (r.need?.permission === 'public' || (!r.need && !isProtectedPath(r.url))) &&
        r.method !== 'HEAD' &&
        r.url !== '/console/logout',
    )
    expect(routes.length).toBeGreaterThan(20)
    const requests: InjectOptions[] = []
    let ip = 0
    for (const r of routes) {
      const hasParams = r.url.includes(':')
      const paths = hasParams
        ? BAD_PARAMS.map((v) => r.url.replace(/:[A-Za-z]+/g, v).replace('*', v))
        : [r.url.replace('*', 'x')]
      const queries = BAD_QUERIES
      const headers = { cookie: cookieHeader(visitor), accept: 'text/html' }
      for (const path of paths) requests.push({ method: r.method as 'GET', url: path, headers })
      for (const q of queries) requests.push({ method: r.method as 'GET', url: `${paths[0]}?${q}`, headers })
      if (r.method === 'POST')
        for (const b of badBodies(visitor.csrf))
          requests.push({
            method: 'POST',
            url: paths[0] as string,
            headers: { ...headers, 'content-type': b.type },
            payload: b.payload,
          })
    }
    const failures: string[] = []
    const english: string[] = []
    for (const req of requests) {
      // each from its own address: the rate limits would otherwise answer most of them with 429
      const res = await app.inject({ ...req, remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}` })
      const what = `${String(req.method)} ${String(req.url).slice(0, 120)} ${String(req.headers?.['content-type'] ?? '')}`
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${what}: ${res.body.slice(0, 200)}`)
      const json = String(res.headers['content-type'] ?? '').includes('json')
      if (json && res.statusCode >= 400) {
        const body = res.json() as { error?: string; errors?: { message: string }[] }
        const messages = [body.error, ...(body.errors ?? []).map((e) => e.message)].filter(
          (m): m is string => typeof m === 'string',
        )
        if (messages.length === 0 || messages.some((m) => !CJK.test(m)))
          english.push(`${res.statusCode} ${what}: ${res.body.slice(0, 160)}`)
      }
    }
    console.info(
      `[${engine}] fuzz: ${requests.length} malformed requests over ${routes.length} public routes: ${failures.length} answers ≥ 500, ${english.length} JSON refusals not in Chinese`,
    )
    expect(requests.length).toBeGreaterThanOrEqual(500)
    expect({ failures, english }).toEqual({ failures: [], english: [] })
  }, 120_000)
})
