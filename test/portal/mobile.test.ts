import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemActor } from '../../src/services/actor.js'
import { FUZHOU, QUZHOU, loadDemo } from '../../src/services/demo/loadDemo.js'
import { publishReport } from '../../src/services/report/publishReport.js'
import type { Store } from '../../src/store/database.js'
import { TODAY, testApp } from '../auth/support.js'
import { browserAvailable, serveToBrowser, axe } from '../support/browser.js'
import { freshStore } from '../support/engines.js'

// Issue 13, point 7: every public page fits a 390 px wide phone screen without sideways scrolling (a wide table
// scrolls inside its own box), at both widths with no serious or critical accessibility finding.

const SCREENS = process.env.GONGKAI_SCREENSHOT_DIR ?? new URL('../../../notes/shots/', import.meta.url).pathname
const PHONE = 390

describe.skipIf(!browserAvailable)('every public page on a 390 px phone', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let closeServed: (() => Promise<void>) | undefined
  const pages: [string, string][] = []

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true })
    store = await freshStore('sqlite')
    await loadDemo(store)
    const fz = await store.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', FUZHOU.code)
      .executeTakeFirstOrThrow()
    // the report page as publishing leaves it (the console journey is test/e2e/reportOnPortal.test.ts)
    await publishReport({
      store,
      actor: systemActor('test'),
      agency: Number(fz.id),
      year: 2020,
      by: '政务公开办',
      override: '版面测试：正文未写',
      today: TODAY,
    })
    const docOf = async (title: string) =>
      Number(
        (
          await store.db
            .selectFrom('documents')
            .select('id')
            .where('title', '=', title)
            .where('status', '=', 'published')
            .executeTakeFirstOrThrow()
        ).id,
      )
    const policy = await store.db
      .selectFrom('documents')
      .innerJoin('catalog_columns', 'catalog_columns.id', 'documents.column_id')
      .select('documents.id')
      .where('catalog_columns.slug', '=', 'policy')
      .where('documents.status', '=', 'published')
      .orderBy('documents.id')
      .executeTakeFirstOrThrow()
    pages.push(
      ['home', '/'],
      ['catalog', `/xxgk/${FUZHOU.code}`],
      ['column-policy', `/xxgk/${FUZHOU.code}/policy`],
      ['column-annual-reports', `/xxgk/${FUZHOU.code}/annual-reports`],
      ['document', `/documents/${Number(policy.id)}`],
      ['document-print', `/documents/${Number(policy.id)}/print`],
      ['report-page', `/documents/${await docOf(`${FUZHOU.name}2020年政府信息公开工作年度报告`)}`],
      ['seed-report-legacy', `/documents/${await docOf(`${QUZHOU.name} 2020年政府信息公开工作年度报告`)}`],
      ['report-print', `/xxgk/${FUZHOU.code}/annual-reports/2020/report.html`],
      ['search', '/search?q=住房'],
      ['search-error', '/search?q=住房&year=abc'],
      ['apply', '/apply'],
      ['report-check', '/report-check'],
      ['not-found', '/documents/999999'],
    )
    app = await testApp(store)
    ;({ base, browser, close: closeServed } = await serveToBrowser(app))
  }, 120_000)

  afterAll(async () => {
    await closeServed?.()
    await store?.drop()
  })

  it('no public page is wider than the phone', async () => {
    const page = await browser.newPage({ viewport: { width: PHONE, height: 844 } })
    const wide: string[] = []
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`)
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
      if (width > PHONE) wide.push(`${name} (${path}): ${width} px`)
      await page.screenshot({ path: join(SCREENS, `issue13-mobile-${name}-390.png`), fullPage: true })
    }
    expect(wide).toEqual([])
    await page.close()
  }, 120_000)

  it('in 适老化 mode (larger text) too', async () => {
    const page = await browser.newPage({ viewport: { width: PHONE, height: 844 } })
    await page.goto(`${base}/a11y?mode=elder&back=/`)
    const wide: string[] = []
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`)
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
      if (width > PHONE) wide.push(`${name} (${path}): ${width} px`)
    }
    expect(wide).toEqual([])
    await page.close()
  }, 120_000)

  it('no serious or critical accessibility finding at 1366 px or at 390 px', async () => {
    const found: string[] = []
    for (const width of [1366, PHONE]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      for (const [name, path] of pages) {
        await page.goto(`${base}${path}`)
        for (const v of await axe(page)) found.push(`${width} ${name}: ${v}`)
        if (width === 1366)
          await page.screenshot({ path: join(SCREENS, `issue13-mobile-${name}-1366.png`), fullPage: true })
      }
      await page.close()
    }
    expect(found).toEqual([])
  }, 240_000)
})
