import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachEngine } from '../support/engines.js'
import { buildApp } from '../../src/web/app.js'
import { STANDARD_COLUMNS } from '../../src/domain/catalog/columns.js'
import type { World } from './world.js'
import { HIDDEN_STATES, attachmentDir, buildWorld, today } from './world.js'
import { getRoutes } from './routes.js'

// DESIGN.md "Nothing unreviewed is public", issue 6 point 6: an item in any state other than published (draft,
// in review, returned, approved but not published, scheduled for later, withdrawn, not 主动公开) appears in no
// public route: not in pages, search results, snippets, feeds, sitemap, API or attachment URLs.
//
// The table below has one row per public GET route; the route list is read from the app itself, so a route
// added without a row here fails the first test. Console routes are probed as an anonymous visitor.

interface Item {
  id: number
  marker: string
  docNo: string
  fileId: number
}

const q = encodeURIComponent
const slugs = STANDARD_COLUMNS.map((c) => c.slug)

/** Public route pattern → the URLs a visitor or another system would send it, asking for `x`. */
const PUBLIC: Record<string, (w: World, x: Item) => string[]> = {
  '/': () => ['/'],
  '/healthz': () => ['/healthz'],
  '/assets/site.css': () => ['/assets/site.css'],
  '/assets/report.css': () => ['/assets/report.css'],
  // a published annual report's files (issue 13): made from the report's published version, never from documents
  '/xxgk/:code/annual-reports/:year/report.:ext': (w) =>
    ['docx', 'xlsx', 'html'].map((ext) => `/xxgk/${w.agency.code}/annual-reports/2026/report.${ext}`),
  '/a11y': (_w, x) => [`/a11y?mode=elder&back=${q(`/documents/${x.id}`)}`],
  '/xxgk/:code': (w) => [`/xxgk/${w.agency.code}`, `/xxgk/${w.agency.code}?page=2`],
  '/xxgk/:code/:slug': (w) => slugs.map((s) => `/xxgk/${w.agency.code}/${s}`),
  '/documents/:id': (_w, x) => [`/documents/${x.id}`],
  '/documents/:id/print': (_w, x) => [`/documents/${x.id}/print`],
  '/documents/:id/files/:fileId': (_w, x) => [`/documents/${x.id}/files/${x.fileId}`],
  '/search': (w, x) => [
    `/search?q=${q(x.marker)}`,
    `/search?q=${q(x.marker)}&sort=date`,
    `/search?q=${q(x.docNo)}`,
    `/search?q=${q('住房')}`,
    `/search?q=${q('物业')}&docNo=${q(x.docNo)}`,
    `/search?q=${q('征收')}&agency=${w.agency.code}&column=statutory&year=2026&sort=date`,
  ],
  '/api/documents': (_w, x) => [
    `/api/documents?q=${q(x.marker)}`,
    `/api/documents?q=${q(x.docNo)}&page=1`,
    `/api/documents?q=${q('征收')}&pageSize=50`,
    '/api/documents?pageSize=50',
  ],
  '/feeds/:code/:file': (w) => slugs.map((s) => `/feeds/${w.agency.code}/${s}.atom`),
  '/sitemap.xml': () => ['/sitemap.xml'],
  // routes of other features: they must not show catalog items either
  '/api/applications/:id': (_w, x) => [`/api/applications/${x.id}`],
  '/api/public/applications/:queryCode': (_w, x) => [`/api/public/applications/${x.marker}`],
  '/apply': () => ['/apply'],
  '/apply/receipt': (_w, x) => [`/apply/receipt?code=${x.marker}`],
  '/apply/status': (_w, x) => [`/apply/status?code=${x.marker}`],
  '/report-check': () => ['/report-check'],
  // issue 18: service items, 双随机一公开, the API's description
  '/services/:code': (w, x) => [`/services/${w.agency.code}`, `/services/${w.agency.code}?q=${q(x.marker)}`],
  '/services/:code/:id': (w, x) => [`/services/${w.agency.code}/${x.id}`],
  '/api/services/:code': (w, x) => [`/api/services/${w.agency.code}?q=${q(x.marker)}`],
  '/inspections/:code': (w) => [`/inspections/${w.agency.code}`],
  '/api/inspections/draws/:id': (_w, x) => [`/api/inspections/draws/${x.id}`],
  '/api/openapi.json': () => ['/api/openapi.json'],
  '/api/docs': () => ['/api/docs'],
  // issue 14: the applicant's side
  '/apply/files/:fileId': (_w, x) => [`/apply/files/${x.fileId}?code=${x.marker}`],
  '/assets/apply.css': () => ['/assets/apply.css'],
  '/assets/print.js': () => ['/assets/print.js'],
  '/xxgk/:code/guide': (w) => [`/xxgk/${w.agency.code}/guide`],
  // issue 17 point 5: the applicant's own data (behind the query code and the second factor)
  '/apply/me': (_w, x) => [`/apply/me?code=${x.marker}`],
  '/apply/me/export.json': (_w, x) => [`/apply/me/export.json?code=${x.marker}`],
  // issue 16: 政民互动
  '/interaction': () => ['/interaction'],
  '/interaction/letters/new': (w) => [`/interaction/letters/new?agency=${w.agency.code}`],
  '/interaction/letters/receipt': (_w, x) => [`/interaction/letters/receipt?code=${x.marker}`],
  '/interaction/letters/status': (_w, x) => [`/interaction/letters/status?code=${x.marker}`],
  '/interaction/responses': () => ['/interaction/responses'],
  '/interaction/consultations/:id': (_w, x) => [`/interaction/consultations/${x.id}`],
  '/interaction/surveys/:id': (_w, x) => [`/interaction/surveys/${x.id}`],
  '/interaction/surveys/:id/results': (_w, x) => [`/interaction/surveys/${x.id}/results`],
  '/interaction/surveys/:id/chart.svg': (_w, x) => [`/interaction/surveys/${x.id}/chart.svg`],
}

/** The routes that show one document by its id: for an item not public, they answer 404. */
const BY_ID = ['/documents/:id', '/documents/:id/print', '/documents/:id/files/:fileId']

/** A console route pattern with its parameters filled in for item `x` (asked by an anonymous visitor). */
function consoleUrl(pattern: string, w: World, x: Item): string {
  return pattern
    .replace(':id', String(x.id))
    .replace(':agency', w.agency.code)
    .replace(':year', '2026')
    .replace(':seq.:ext', '1.docx')
    .replace('report.:ext', 'report.html')
    .replace(':version', '1')
}

describeEachEngine('no unreviewed item leaks through any route', (get) => {
  let app: FastifyInstance
  let world: World
  let routes: string[]
  beforeAll(async () => {
    attachmentDir()
    world = await buildWorld(get())
    app = await buildApp({ store: get(), today: () => today })
    await app.ready()
    routes = getRoutes(app)
  })
  afterAll(async () => app?.close())

  const urlsFor = (x: Item): { route: string; url: string }[] =>
    routes.flatMap((route) =>
      route.startsWith('/console')
        ? [{ route, url: consoleUrl(route, world, x) }]
        : (PUBLIC[route]?.(world, x) ?? []).map((url) => ({ route, url })),
    )

  it('every public GET route of the app has a row in the table', () => {
    const publicRoutes = routes.filter((r) => !r.startsWith('/console'))
    expect(publicRoutes.length).toBeGreaterThan(10)
    expect(publicRoutes.filter((r) => !(r in PUBLIC))).toEqual([])
  })

  it('the published control item is found through the routes (so the checks below can fail)', async () => {
    const p = { ...world.published, docNo: '榕房〔2020〕93号' }
    const seen = new Set<string>()
    for (const { route, url } of urlsFor(p)) {
      const res = await app.inject({ method: 'GET', url })
      if (res.body.includes(`住房保障信息 ${p.marker}`) || new RegExp(`/documents/${p.id}(?![0-9])`).test(res.body))
        seen.add(route)
    }
    for (const route of ['/', '/xxgk/:code/:slug', '/documents/:id', '/search', '/api/documents'])
      expect(seen, route).toContain(route)
    for (const route of ['/feeds/:code/:file', '/sitemap.xml', '/documents/:id/print'])
      expect(seen, route).toContain(route)
    const file = await app.inject({ url: `/documents/${p.id}/files/${p.fileId}` })
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf'])
    expect(file.body.startsWith('%PDF')).toBe(true)
  })

  it.each(HIDDEN_STATES)('an item in state %s appears through no route', async (state) => {
    const h = world.hidden[state]
    for (const { route, url } of urlsFor(h)) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBeLessThan(500)
      if (BY_ID.includes(route)) expect(res.statusCode, url).toBe(404)
      // the search page and API echo the query itself: look for the item's own title, text and file name
      const body = res.body
      for (const own of [`住房保障信息 ${h.marker}`, `物业服务 ${h.marker}`, `${h.marker}.pdf`, '%PDF'])
        expect(body.includes(own), `${url} shows ${state}: ${own}`).toBe(false)
      if (!url.includes(q(h.docNo))) expect(body.includes(h.docNo), `${url} shows the 文号 of ${state}`).toBe(false)
      if (route !== '/a11y')
        expect(new RegExp(`/documents/${h.id}(?![0-9])`).test(body), `${url} links ${state}`).toBe(false)
    }
  })
})
