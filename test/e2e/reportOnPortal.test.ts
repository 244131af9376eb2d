import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { FUZHOU, loadDemo } from '../../src/services/demo/loadDemo.js'
import type { Store } from '../../src/store/database.js'
import { PASSWORD, testApp } from '../auth/support.js'
import { browserAvailable, serveToBrowser, axe } from '../support/browser.js'
import { freshStore } from '../support/engines.js'

// Issue 13, point 4, in Chromium: the office publishes the annual report in the console (《条例》第五十条) and the
// public finds it in the agency's 政府信息公开年报 column as tables, with its files to download; a correction
// replaces the page and says why.

// screenshots go where GONGKAI_SCREENSHOT_DIR says, else to the temporary directory (never outside the checkout)
const SCREENS = process.env.GONGKAI_SCREENSHOT_DIR ?? join(tmpdir(), 'gongkai-shots')
const TITLE = `${FUZHOU.name}2020年政府信息公开工作年度报告`

describe.skipIf(!browserAvailable)('a report published in the console appears on the portal', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let closeServed: (() => Promise<void>) | undefined
  let fz = 0
  let office: Page

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true })
    store = await freshStore('sqlite')
    await loadDemo(store)
    fz = Number(
      (await store.db.selectFrom('agencies').select('id').where('code', '=', FUZHOU.code).executeTakeFirstOrThrow()).id,
    )
    await createUser({
      store,
      actor: systemActor('test'),
      username: 'e2e-report-office',
      displayName: '政务公开办 陈敏',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['office'],
      agencyId: fz,
    })
    app = await testApp(store)
    ;({ base, browser, close: closeServed } = await serveToBrowser(app))
  }, 120_000)

  afterAll(async () => {
    await closeServed?.()
    await store?.drop()
  })

  /** The console report page of 福州 2020, reached from the report list. */
  async function openReport(page: Page) {
    await page.goto(`${base}/console/reports`)
    await page.click(`a[href="/console/reports/${fz}/2020"]`)
    await page.waitForURL(`${base}/console/reports/${fz}/2020`)
  }

  it('the office writes the narrative and publishes the report', async () => {
    office = await browser.newPage({ viewport: { width: 1366, height: 1000 } })
    await office.goto(`${base}/console`)
    await office.waitForURL(/\/console\/login/)
    await office.fill('#username', 'e2e-report-office')
    await office.fill('#password', PASSWORD)
    await office.click('button:has-text("登录")')
    await office.waitForURL(`${base}/console`)
    await openReport(office)
    // 条例第五十条: every part of the report is written before it is published (issue 11's guard)
    await office.fill(
      'textarea[name=overview]',
      '主动公开政府信息16件；依申请公开49件，全部按时答复；政府信息管理规范；平台建设有序；监督保障到位。',
    )
    await office.fill('textarea[name=problems]', '一是公开内容比较单一。下一步扩大公开范围。')
    await office.fill('textarea[name=other]', '暂无其他需要报告的事项。')
    await office.click('button:has-text("保存正文")')
    await office.waitForURL(/\/narrative/)
    await office.click('button:has-text("发布报告")')
    await office.waitForURL(/\/publish/)
    expect(await office.innerText('main')).toContain('已发布第1版')
  }, 60_000)

  let reportUrl = ''

  it('the public finds it in the 政府信息公开年报 column, its tables with merged header cells', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } })
    await page.goto(`${base}/`)
    await page.click(`a[href="/xxgk/${FUZHOU.code}"]`)
    await page.click(`.catalog-tree a[href="/xxgk/${FUZHOU.code}/annual-reports"]`)
    await page.click(`a:has-text("${TITLE}")`)
    await page.waitForURL(/\/documents\/\d+$/)
    reportUrl = page.url()
    expect(await page.innerText('h1')).toBe(TITLE)
    // the published version replaced the page of the seed report of that year: its narrative and its files
    expect(await page.innerText('.doc-body')).toContain('依申请公开49件，全部按时答复；政府信息管理规范')
    expect(await page.innerText('.doc-body')).toContain('报告文件下载')
    // 表二, 表三, 表四 as tables; 表三's header spans the applicant columns
    expect(await page.locator('.doc-body table').count()).toBe(3)
    const org = page.locator('.doc-body th', { hasText: '法人或其他组织' }).first()
    expect(await org.getAttribute('colspan')).toBe('5')
    const orgBox = await org.boundingBox()
    const firstBox = await page.locator('.doc-body th', { hasText: '商业企业' }).first().boundingBox()
    const lastBox = await page.locator('.doc-body th', { hasText: '法律服务机构' }).first().boundingBox()
    // the merged cell lies over the five columns it names
    expect(firstBox && orgBox && firstBox.x >= orgBox.x - 1).toBe(true)
    expect(lastBox && orgBox && lastBox.x + lastBox.width <= orgBox.x + orgBox.width + 1).toBe(true)
    const newReceived = page.locator('.doc-body tr', { hasText: '一、本年新收政府信息公开申请数量' }).first()
    expect((await newReceived.locator('td').allInnerTexts()).slice(-7)).toEqual(['48', '0', '0', '0', '0', '1', '49'])
    expect(await axe(page)).toEqual([])
    await page.screenshot({ path: join(SCREENS, 'issue13-report-on-portal-1366.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    expect(await axe(page)).toEqual([])
    await page.screenshot({ path: join(SCREENS, 'issue13-report-on-portal-390.png'), fullPage: true })
    await page.close()
  }, 60_000)

  it('the public downloads the report as DOCX, XLSX and PDF', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } })
    await page.goto(reportUrl)
    for (const ext of ['docx', 'xlsx', 'pdf']) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.click(`.doc-body a[href$="report.${ext}"]`),
      ])
      expect(download.suggestedFilename()).toBe(`${TITLE}.${ext}`)
      const bytes = readFileSync((await download.path()) ?? '')
      expect(bytes.subarray(0, ext === 'pdf' ? 4 : 2).toString()).toBe(ext === 'pdf' ? '%PDF' : 'PK')
    }
    await page.close()
  }, 120_000)

  it('the printable report keeps its ruled cells under the site’s CSP', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } })
    await page.goto(`${base}/xxgk/${FUZHOU.code}/annual-reports/2020/report.html`)
    const border = await page
      .locator('table.report-table td')
      .first()
      .evaluate((td) => getComputedStyle(td).borderTopStyle + ' ' + getComputedStyle(td).borderTopWidth)
    expect(border).toBe('solid 1px')
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily)
    expect(font).toContain('Noto Serif CJK SC')
    await page.screenshot({ path: join(SCREENS, 'issue13-report-print.png'), fullPage: true })
    await page.close()
  }, 60_000)

  it('a correction replaces the page, which shows the correction note', async () => {
    await openReport(office)
    await office.fill('.publish-form input[name=note]', '更正表三中的笔误')
    await office.click('button:has-text("发布更正版本")')
    await office.waitForURL(/\/publish/)
    expect(await office.innerText('main')).toContain('已发布第2版')
    const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } })
    await page.goto(`${base}/xxgk/${FUZHOU.code}/annual-reports`)
    expect(await page.locator(`a:has-text("${TITLE}")`).count()).toBe(1)
    await page.goto(reportUrl)
    const body = await page.innerText('.doc-body')
    expect(body).toContain('更正后的第2版')
    expect(body).toContain('更正表三中的笔误')
    await page.close()
  }, 60_000)
})
