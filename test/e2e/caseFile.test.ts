import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database.js'
import { browserAvailable, serveToBrowser, axe } from '../support/browser.js'
import { freshStore } from '../support/engines.js'
import type { TestRole, World } from '../auth/support.js'
import { makeUsers, makeWorld, PASSWORD, testApp } from '../auth/support.js'

/** set to keep screenshots of every page this journey touches, at 1366 and 390 px wide */
const SCREENS = process.env.GONGKAI_SCREENSHOT_DIR
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)
/** Chinese text, not a JSON body */
const CHINESE_PAGE = /[\u4e00-\u9fff]/

/** Screenshots at both widths (when asked for), and axe's serious or critical findings at both. */
async function look(page: Page, name: string, violations: Record<string, string[]>) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 })
    violations[`${name}@${width}`] = await axe(page)
    if (SCREENS) await page.screenshot({ path: join(SCREENS, `issue13-p3-${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 900 })
}

describe.skipIf(!browserAvailable)(
  'the whole case file, and a review through to 表四, in Chromium',
  { timeout: 90_000 },
  () => {
    let store: Store & { drop(): Promise<void> }
    let app: FastifyInstance
    let browser: Browser
    let base: string
    let closeServed: (() => Promise<void>) | undefined
    let w: World
    let users: Record<TestRole, string>
    let agencyName: string
    let agencyCode: string
    let office: Page
    let caseUrl = ''
    let fileHref = ''
    const violations: Record<string, string[]> = {}

    async function signIn(username: string): Promise<Page> {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
      await page.goto(`${base}/console/login`)
      await page.fill('#username', username)
      await page.fill('#password', PASSWORD)
      await page.click('button:has-text("登录")')
      await page.waitForURL(`${base}/console`)
      return page
    }

    beforeAll(async () => {
      if (SCREENS) mkdirSync(SCREENS, { recursive: true })
      store = await freshStore('sqlite')
      w = await makeWorld(store)
      users = await makeUsers(store, w, 'p3')
      const agency = await store.db
        .selectFrom('agencies')
        .select(['code', 'name'])
        .where('id', '=', w.agencyA)
        .executeTakeFirstOrThrow()
      agencyCode = agency.code
      agencyName = agency.name
      app = await testApp(store)
      ;({ base, browser, close: closeServed } = await serveToBrowser(app))
    })

    afterAll(async () => {
      await closeServed?.()
      await store?.drop()
    })

    it('a citizen applies online with a phone number, an ID number and an ID proof', async () => {
      const page = await browser.newPage()
      await page.goto(`${base}/apply`)
      await page.selectOption('#f-agency', agencyCode)
      await page.fill('#f-name', '王小明')
      await page.selectOption('#f-idType', 'resident-id')
      await page.fill('#f-idNumber', '11010519491231002X')
      await page.fill('#f-phone', '0570-1234567')
      await page.fill('#f-email', 'wang@example.cn')
      await page.fill('#f-description', '请公开2026年本市棚户区改造项目的征收补偿方案')
      await page.setInputFiles('#f-idProof', { name: '身份证.png', mimeType: 'image/png', buffer: PNG })
      await page.click('button:has-text("提交申请")')
      await page.waitForURL(/\/apply\/receipt/)
      await page.close()
    })

    it('the office finds it in the list and sees the phone, the ID number and the requested delivery', async () => {
      office = await signIn(users.office)
      await office.click('nav >> text=依申请公开')
      await office.click('tr:has-text("王小明") a')
      await office.waitForURL(/\/console\/applications\/\d+$/)
      caseUrl = office.url()
      const applicant = await office.innerText('#applicant-facts')
      expect(applicant).toContain('0570-1234567')
      expect(applicant).toContain('11010519491231002X')
      expect(applicant).toContain('居民身份证')
      expect(applicant).toContain('wang@example.cn')
      expect(applicant).toContain('电子邮件')
    })

    it('the office downloads the ID proof: an attachment, not sniffed, and the read is audited', async () => {
      const link = office.locator('#case-files a').first()
      fileHref = (await link.getAttribute('href')) ?? ''
      const [download] = await Promise.all([office.waitForEvent('download'), link.click()])
      expect(download.suggestedFilename()).toBe('身份证.png')
      expect(readFileSync(await download.path()).equals(PNG)).toBe(true)
      const res = await office.request.get(`${base}${fileHref}`)
      expect(res.status()).toBe(200)
      expect(res.headers()['content-disposition']).toMatch(/^attachment;/)
      expect(res.headers()['x-content-type-options']).toBe('nosniff')
      const reads = await store.db
        .selectFrom('audit_log')
        .select('actor')
        .where('action', '=', 'case.fileRead')
        .execute()
      expect(reads.map((r) => r.actor)).toEqual([users.office, users.office])
    })

    it('the office routes it to 住房保障处 and answers it', async () => {
      await office.click('summary:has-text("转办处室")')
      await office.selectOption('#assigned-dept', String(w.deptA2))
      await office.click('button:has-text("确认：转办处室")')
      await office.waitForURL(caseUrl)
      await office.click('summary:has-text("作出答复")')
      await office.selectOption('#ans-result', 'disclosed')
      await office.fill('#ans-text', '补偿方案予以公开。')
      await office.click('button:has-text("确认：作出答复")')
      await office.waitForLoadState()
      expect(await office.locator('.errors').allInnerTexts()).toEqual([])
      await office.waitForURL(caseUrl)
      expect(await office.innerText('#letters + *')).toContain('政府信息公开申请答复书')
    })

    it('a handler of another department is refused the case and the file with a 403 page in Chinese', async () => {
      const handler = await signIn(users.handler)
      for (const url of [caseUrl, `${base}${fileHref}`, `${caseUrl}/file`]) {
        const res = await handler.request.get(url, { headers: { accept: 'text/html' } })
        expect(res.status()).toBe(403)
        expect(res.headers()['content-type']).toContain('text/html')
        const body = await res.text()
        expect(body).toMatch(CHINESE_PAGE)
        expect(body.trimStart().startsWith('{')).toBe(false)
        expect(body).not.toContain('11010519491231002X')
      }
      const shown = await handler.goto(caseUrl)
      expect(shown?.status()).toBe(403)
      expect(await handler.innerText('main')).toContain('无权访问该申请')
      await look(handler, 'forbidden', violations)
      await handler.close()
    })

    it('anyone not signed in gets no file: a browser is sent to sign in, a bare request a page in Chinese', async () => {
      const anonymous = await (await browser.newContext()).newPage()
      const res = await anonymous.request.get(`${base}${fileHref}`, { maxRedirects: 0 })
      // the auth hook answers 401 请先登录 (not 403) to a request that is not a page navigation
      expect(res.status()).toBe(401)
      expect(res.headers()['content-type']).toContain('text/html')
      expect(await res.text()).toContain('请先登录')
      await anonymous.goto(`${base}${fileHref}`)
      expect(anonymous.url()).toContain('/console/login')
      expect(await anonymous.content()).not.toContain('IHDR')
      await anonymous.close()
    })

    it('the office registers a review once; the same registration again is refused', async () => {
      await office.goto(caseUrl)
      const register = async () => {
        await office.click('summary:has-text("登记行政复议或行政诉讼")')
        await office.selectOption('#rv-kind', 'review')
        await office.fill('#rv-filed', '2026-11-24')
        await office.fill('#rv-body', '甲市人民政府')
        await office.click('button:has-text("登记"):not(:has-text("登记申请"))')
      }
      await register()
      await office.waitForURL(caseUrl)
      expect(await office.innerText('#review-table')).toContain('甲市人民政府')
      expect(await office.innerText('#review-table')).toContain('尚未审结')
      await register()
      expect(await office.innerText('.errors')).toContain('不能重复登记')
      await office.goto(caseUrl)
      expect(await office.locator('#review-table tbody tr').count()).toBe(1)
    })

    it('the office enters the result; the case shows it; the list of the year and 表四 count it', async () => {
      await office.click('summary:has-text("录入或修改结果")')
      const form = office.locator('form:has(button:has-text("保存结果"))')
      await form.locator('select[name=result]').selectOption('corrected')
      await form.locator('input[name=decidedOn]').fill('2026-11-24')
      await form.locator('button:has-text("保存结果")').click()
      await office.waitForURL(caseUrl)
      const row = await office.innerText('#review-table tbody tr')
      expect(row).toContain('纠正')
      expect(row).toContain('2026-11-24')
      await look(office, 'case-page', violations)
      await office.click('nav >> text=复议诉讼')
      await office.waitForURL(/\/console\/reviews/)
      expect(await office.inputValue('#year')).toBe('2026')
      expect(await office.innerText('#agency option[selected]')).toBe(agencyName)
      expect(await office.innerText('#review-list-table')).toContain('甲市人民政府')
      const four = office.locator('#table-four tr[data-kind=review] td')
      // 结果维持, 结果纠正, 其他结果, 尚未审结, 总计
      expect(await four.allInnerTexts()).toEqual(['0', '1', '0', '0', '1'])
      await look(office, 'reviews', violations)
    })

    it('the office prints the 案卷 with the applicant, the dates, the history and the letter', async () => {
      await office.goto(caseUrl)
      await office.click('a:has-text("打印案卷")')
      await office.waitForURL(`${caseUrl}/file`)
      const text = await office.innerText('.dossier')
      expect(text).toContain('0570-1234567')
      expect(text).toContain('2026-11-24')
      expect(text).toContain('作出答复')
      expect(text).toContain('政府信息公开申请答复书')
      expect(text).toContain('纠正')
      await look(office, 'dossier', violations)
    })

    it('the office exports the 台账 with the filter in force', async () => {
      await office.goto(`${base}/console/applications`)
      await office.selectOption('#state', 'answered')
      await office.click('button:has-text("筛选")')
      await office.waitForURL(/state=answered/)
      await look(office, 'application-list', violations)
      const [download] = await Promise.all([office.waitForEvent('download'), office.click('#export-ledger')])
      expect(download.suggestedFilename()).toBe('依申请公开台账-2026-11-24.xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer) // exceljs types a Buffer as ArrayBuffer
      const ws = wb.getWorksheet('依申请公开台账')
      expect(String(ws?.getCell(2, 1).value)).toContain('状态：已答复')
      // one answered case of the three in agency A (the world's two letters are still open)
      expect(ws?.rowCount).toBe(4)
      expect(ws?.getRow(4).getCell(6).value).toBe('王小明')
    })

    it('axe-core: no serious or critical finding on the pages touched, at 1366 and 390 px', () => {
      expect(Object.values(violations).flat()).toEqual([])
      expect(Object.keys(violations)).toHaveLength(10)
    })
  },
)
