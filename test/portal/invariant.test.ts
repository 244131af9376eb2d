import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachEngine } from '../support/engines.js'
import { buildApp } from '../../src/web/app.js'
import { STANDARD_COLUMNS } from '../../src/domain/catalog/columns.js'
import type { World } from './world.js'
import { HIDDEN_STATES, attachmentDir, buildWorld, today } from './world.js'

// DESIGN.md "Nothing unreviewed is public", issue 6 point 6: an item in any state other than published (draft,
// in review, returned, approved but not published, scheduled for later, withdrawn, not 主动公开) appears in no
// public route: not in pages, search results, snippets, feeds, sitemap, API or attachment URLs.

describeEachEngine('no unreviewed item leaks through a public route', (get) => {
  let app: FastifyInstance
  let world: World
  beforeAll(async () => {
    attachmentDir()
    world = await buildWorld(get())
    app = await buildApp({ store: get(), today: () => today })
  })
  afterAll(async () => app?.close())

  /** Every public listing route, with what a visitor or another system would ask it. */
  const listings = (w: World, marker: string, docNo: string): string[] => [
    '/',
    `/xxgk/${w.agency.code}`,
    ...STANDARD_COLUMNS.map((c) => `/xxgk/${w.agency.code}/${c.slug}`),
    `/search?q=${encodeURIComponent(marker)}`,
    `/search?q=${encodeURIComponent(marker)}&sort=date`,
    `/search?q=${encodeURIComponent(docNo)}`,
    `/search?q=${encodeURIComponent('住房')}`,
    `/search?q=${encodeURIComponent('物业')}&docNo=${encodeURIComponent(docNo)}`,
    `/api/documents?q=${encodeURIComponent(marker)}`,
    `/api/documents?q=${encodeURIComponent(docNo)}`,
    `/api/documents?q=${encodeURIComponent('征收')}&pageSize=50`,
    '/api/documents?pageSize=50',
    ...STANDARD_COLUMNS.map((c) => `/feeds/${w.agency.code}/${c.slug}.atom`),
    '/sitemap.xml',
  ]

  it('the published control item is found on the listing routes (so the check below can fail)', async () => {
    const seen = []
    for (const url of listings(world, world.published.marker, '榕房〔2020〕93号')) {
      const res = await app.inject({ method: 'GET', url })
      const text = res.body.replace(/<[^>]+>/g, '')
      if (
        text.includes(`住房保障信息 ${world.published.marker}`) ||
        new RegExp(`/documents/${world.published.id}(?![0-9])`).test(res.body)
      )
        seen.push(url)
    }
    expect(seen).toContain('/sitemap.xml')
    expect(seen).toContain(`/search?q=${world.published.marker}`)
    expect(seen.length).toBeGreaterThanOrEqual(10)
  })

  it.each(HIDDEN_STATES)('an item in state %s appears on no listing route', async (state) => {
    const h = world.hidden[state]
    for (const url of listings(world, h.marker, h.docNo)) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      // the search page and API echo the query itself: look for the item's own title, text and file name
      const text = res.body.replace(/<[^>]+>/g, '')
      for (const own of [`住房保障信息 ${h.marker}`, `物业服务 ${h.marker}`, `${h.marker}.pdf`]) {
        expect(text.includes(own), `${url} shows ${state}: ${own}`).toBe(false)
      }
      if (!url.includes(encodeURIComponent(h.docNo)))
        expect(res.body.includes(h.docNo), `${url} shows the 文号 of ${state}`).toBe(false)
      expect(new RegExp(`/documents/${h.id}(?![0-9])`).test(res.body), `${url} links ${state}`).toBe(false)
    }
  })

  it.each(HIDDEN_STATES)('the page, print view and attachment of an item in state %s answer 404', async (state) => {
    const h = world.hidden[state]
    for (const url of [`/documents/${h.id}`, `/documents/${h.id}/print`, `/documents/${h.id}/files/${h.fileId}`]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(res.body.includes(h.marker), url).toBe(false)
    }
  })

  it('the published item and its attachment are served', async () => {
    const page = await app.inject({ method: 'GET', url: `/documents/${world.published.id}` })
    expect(page.statusCode).toBe(200)
    const file = await app.inject({
      method: 'GET',
      url: `/documents/${world.published.id}/files/${world.published.fileId}`,
    })
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf'])
    expect(file.body.startsWith('%PDF')).toBe(true)
  })
})
