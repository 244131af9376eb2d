import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Store } from '../../src/store/database.js'
import { createAgency } from '../../src/services/agencies.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { loadCatalogDemo } from '../../src/services/demo/catalogDemo.js'
import { FUZHOU, QUZHOU } from '../../src/services/demo/loadDemo.js'
import { publicDocuments } from '../../src/store/catalogRepo.js'
import { buildApp } from '../../src/web/app.js'
import { axe, browserAvailable, serveToBrowser } from '../support/browser.js'
import { freshStore } from '../support/engines.js'
import { PASSWORD, totpCode } from '../auth/support.js'

// Issue 14 point 5 in Chromium, from the portal's home page: a synonym, browsing without a keyword, a
// did-you-mean, and an administrator's dictionary entry that changes what the portal finds.

const today = '2026-11-24' as CalendarDay
const SHOTS = process.env.GONGKAI_SCREENSHOT_DIR ?? join(tmpdir(), 'shots-search')

describe.skipIf(!browserAvailable)('the search page, in Chromium', { timeout: 180_000 }, () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let close: (() => Promise<void>) | undefined
  const violations: Record<string, string[]> = {}

  /** How many public documents say one of `phrases`, counted in the database. */
  async function saying(phrases: string[]): Promise<number> {
    const text = sql<string>`documents.title || ' ' || coalesce(documents.doc_no, '') || ' ' || documents.body_text`
    const row = await publicDocuments(store.db, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or(phrases.map((p) => eb(text, 'like', `%${p}%`))))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /** Screenshots at 1366 and 390 px wide and axe's serious and critical findings. */
  async function look(page: Page, name: string) {
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: join(SHOTS, `search-${name}-${width}.png`), fullPage: true })
    }
    await page.setViewportSize({ width: 1366, height: 900 })
    violations[name] = await axe(page)
  }

  const count = async (page: Page) => (await page.textContent('.count'))?.replace(/\s+/g, '') ?? ''

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    store = await freshStore('sqlite')
    for (const a of [QUZHOU, FUZHOU]) await createAgency(store, a)
    await loadCatalogDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code })
    await createUser({
      store,
      actor: systemActor('test'),
      username: 'search-admin',
      displayName: '系统管理员 吴敏',
      password: PASSWORD,
      roles: ['sysAdmin'],
      agencyId: null,
      mustChangePassword: false,
    })
    app = await buildApp({ store, today: () => today })
    ;({ base, browser, close } = await serveToBrowser(app))
  }, 180_000)

  afterAll(async () => {
    await close?.()
    await store?.drop()
  })

  it('公租房 typed on the home page finds the documents that say 公共租赁住房', async () => {
    const expected = await saying(['公共租赁住房', '公租房'])
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    await page.goto(`${base}/`)
    await page.fill('#home-q', '公租房')
    await page.press('#home-q', 'Enter')
    await page.waitForURL(/\/search\?q=/)
    expect(await count(page)).toBe(`共找到${expected}条`)
    expect(await page.$$eval('.results li', (li) => li.length)).toBe(Math.min(10, expected))
    // the synonym is marked where it stands in the titles
    expect(await page.textContent('.results li h3 mark')).toBe('公共租赁住房')
    await look(page, 'synonym')
  })

  it('without a keyword, a 主题分类 and a 组配分类 list their documents, paged', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    await page.goto(`${base}/`)
    await page.click('nav >> text=信息检索')
    await page.waitForURL(/\/search$/)
    await look(page, 'browse-start')
    const topic = await publicDocuments(store.db, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('topic', '=', '住房保障')
      .executeTakeFirstOrThrow()
    await page.click(`.facet-list a:has-text("住房保障（${Number(topic.n)}）")`)
    await page.waitForURL(/topic=/)
    expect(await count(page)).toBe(`共找到${Number(topic.n)}条`)
    await look(page, 'browse-topic')
    // the form: a 组配分类 and a year, no keyword
    const genre = await publicDocuments(store.db, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('genre', '=', '行政许可')
      .where('published_on', '>=', '2023-01-01')
      .where('published_on', '<=', '2023-12-31')
      .executeTakeFirstOrThrow()
    await page.selectOption('#topic', '')
    await page.selectOption('#genre', '行政许可')
    await page.fill('#year', '2023')
    await page.click('form.search-form button[type=submit]')
    await page.waitForURL(/genre=/)
    expect(await count(page)).toBe(`共找到${Number(genre.n)}条`)
    const dates = await page.$$eval('.hit-meta', (ps) => ps.map((p) => p.textContent ?? ''))
    expect(dates.every((d) => d.includes('2023-'))).toBe(true)
  })

  it('a misspelt query offers what was meant, and the offer finds it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    await page.goto(`${base}/`)
    await page.fill('#home-q', '公租防')
    await page.press('#home-q', 'Enter')
    await page.waitForURL(/\/search\?q=/)
    expect(await count(page)).toBe('共找到0条')
    expect(await page.textContent('.did-you-mean')).toBe('您是不是要找：公租房')
    await look(page, 'did-you-mean')
    await page.click('.did-you-mean a')
    await page.waitForURL(/\/search\?q=/)
    expect(await count(page)).toBe(`共找到${await saying(['公共租赁住房', '公租房'])}条`)
  })

  it("an administrator adds 拆迁 = 征收 in the console's 检索词典 and the portal finds it", async () => {
    const portal = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    await portal.goto(`${base}/`)
    await portal.fill('#home-q', '拆迁')
    await portal.press('#home-q', 'Enter')
    await portal.waitForURL(/\/search\?q=/)
    expect(await count(portal)).toBe('共找到0条')

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    await page.goto(`${base}/console/login`)
    await page.fill('#username', 'search-admin')
    await page.fill('#password', PASSWORD)
    await page.click('button:has-text("登录")')
    await page.waitForURL(`${base}/console/totp/enrol`)
    const secret = (await page.getAttribute('#totp-secret', 'data-secret')) ?? ''
    await page.fill('#code', totpCode(secret))
    await page.click('button:has-text("完成绑定")')
    await page.click('text=已保存，进入工作台')
    await page.waitForURL(`${base}/console`)
    await page.click('nav >> text=检索词典')
    await page.waitForURL(`${base}/console/search-dictionary`)
    expect(await page.textContent('body')).toContain('公共租赁住房')
    await page.fill('#term', '拆迁')
    await page.fill('#synonyms', '征收')
    await page.click('form.form button[type=submit]')
    await page.waitForSelector('.ok')
    expect(await page.textContent('.ok')).toBe('已保存：拆迁 = 征收')
    await look(page, 'dictionary')
    // a mistake is shown with the form, in Chinese
    await page.fill('#term', '拆')
    await page.fill('#synonyms', '征收')
    await page.click('form.form button[type=submit]')
    expect(await page.textContent('.errors')).toContain('词语至少2个字')

    await portal.reload()
    expect(await count(portal)).toBe(`共找到${await saying(['征收', '拆迁'])}条`)
    await look(portal, 'dictionary-effect')
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])))
  })
})
