import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database.js'
import { browserAvailable, serveToBrowser, axe } from '../support/browser.js'
import { freshStore } from '../support/engines.js'
import type { TestRole, World } from '../auth/support.js'
import { makeUsers, makeWorld, PASSWORD, testApp } from '../auth/support.js'

const SCREENS = process.env.GONGKAI_SCREENSHOT_DIR ?? new URL('../../../notes/shots/', import.meta.url).pathname
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)

describe.skipIf(!browserAvailable)(
  'the whole path in Chromium: online and letter applications to reply letters',
  () => {
    let store: Store & { drop(): Promise<void> }
    let app: FastifyInstance
    let browser: Browser
    let base: string
    let closeServed: (() => Promise<void>) | undefined
    let w: World
    let users: Record<TestRole, string>
    let agencyCode: string
    let queryCode = ''
    let onlineCase = 0
    let letterCase = 0
    const violations: Record<string, string[]> = {}

    beforeAll(async () => {
      mkdirSync(SCREENS, { recursive: true })
      store = await freshStore('sqlite')
      w = await makeWorld(store)
      users = await makeUsers(store, w, 'e2e')
      agencyCode = (
        await store.db.selectFrom('agencies').select('code').where('id', '=', w.agencyA).executeTakeFirstOrThrow()
      ).code
      app = await testApp(store)
      ;({ base, browser, close: closeServed } = await serveToBrowser(app))
    })

    afterAll(async () => {
      await closeServed?.()
      await store?.drop()
    })

    it('a citizen applies online with an ID proof and gets a query code', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      await page.goto(`${base}/apply`)
      await page.selectOption('#f-agency', agencyCode)
      await page.fill('#f-name', '王小明')
      await page.fill('#f-idNumber', '11010519491231002X')
      await page.fill('#f-phone', '0570-1234567')
      await page.fill('#f-email', 'wang@example.cn')
      await page.fill('#f-description', '请公开2026年本市棚户区改造项目的征收补偿方案')
      await page.setInputFiles('#f-idProof', { name: '身份证.png', mimeType: 'image/png', buffer: PNG })
      violations.applyForm = await axe(page)
      await page.screenshot({ path: join(SCREENS, 'issue4-apply-form.png'), fullPage: true })
      await page.click('button:has-text("提交申请")')
      await page.waitForURL(/\/apply\/receipt/)
      queryCode = (await page.innerText('#query-code')).trim()
      expect(queryCode).toMatch(/^[A-Z2-9]{10}$/)
      expect(await page.innerText('main')).toContain('2026-12-22')
      await page.screenshot({ path: join(SCREENS, 'issue4-apply-receipt.png'), fullPage: true })
      onlineCase = Number(
        (
          await store.db
            .selectFrom('applications')
            .select('id')
            .where('query_code', '=', queryCode)
            .executeTakeFirstOrThrow()
        ).id,
      )
      await page.close()
    })

    it('a form with mistakes comes back with Chinese messages and what was typed', async () => {
      const page = await browser.newPage()
      await page.goto(`${base}/apply`)
      await page.fill('#f-name', '李四')
      await page.click('button:has-text("提交申请")')
      const errors = await page.innerText('#form-errors')
      expect(errors).toContain('请填写身份证件号码')
      expect(errors).toContain('请填写有效的联系电话')
      expect(await page.inputValue('#f-name')).toBe('李四')
      await page.close()
    })

    let office: Page

    it('the office signs in, registers a letter application, and routes both', async () => {
      office = await browser.newPage({ viewport: { width: 1200, height: 1000 } })
      await office.goto(`${base}/console`)
      await office.waitForURL(/\/console\/login/)
      await office.fill('#username', users.office)
      await office.fill('#password', PASSWORD)
      await office.click('button:has-text("登录")')
      await office.waitForURL(`${base}/console`)
      await office.goto(`${base}/console/applications/new`)
      await office.selectOption('#channel', 'letter')
      await office.fill('#receivedOn', '2026-11-23')
      await office.fill('#applicantName', '赵六')
      await office.fill('#address', '某市某路3号')
      await office.fill('#description', '请公开2026年某小区加装电梯补助资金发放名单')
      await office.click('button:has-text("登记")')
      await office.waitForURL(/\/console\/applications\/\d+$/)
      letterCase = Number(/(\d+)$/.exec(office.url())?.[1])
      for (const id of [onlineCase, letterCase]) {
        await office.goto(`${base}/console/applications/${id}`)
        await office.click('summary:has-text("转办处室")')
        await office.selectOption('#assigned-dept', String(w.deptA1))
        await office.click('button:has-text("确认：转办处室")')
        await office.waitForURL(`${base}/console/applications/${id}`)
        expect(await office.innerText('.facts')).toContain('房屋征收处')
      }
    })

    it('the online one gets a supplement request and its completion', async () => {
      await office.goto(`${base}/console/applications/${onlineCase}`)
      await office.click('summary:has-text("告知补正")')
      await office.fill('#sr-request', '请写明棚户区项目名称')
      await office.fill('#sr-by', '2026-12-04')
      await office.click('button:has-text("确认：告知补正")')
      await office.waitForURL(`${base}/console/applications/${onlineCase}`)
      expect(await office.innerText('main')).toContain('待补正后重新计算')
      await office.click('summary:has-text("收到补正材料")')
      await office.click('button:has-text("确认：收到补正材料")')
      await office.waitForURL(`${base}/console/applications/${onlineCase}`)
      expect(await office.innerText('#timeline + ol')).toContain('收到补正材料')
    })

    it('both are answered and their reply letters generated', async () => {
      const answers: [number, string, string][] = [
        [onlineCase, 'partiallyDisclosed', '补偿方案予以公开，其中涉及个人信息部分不予公开。'],
        [letterCase, 'unableToProvide.notHeld', '经检索，本机关未制作或获取该信息。'],
      ]
      for (const [id, result, text] of answers) {
        await office.goto(`${base}/console/applications/${id}`)
        await office.click('summary:has-text("作出答复")')
        await office.selectOption('#ans-result', result)
        // 《条例》第三十七条 (issue 11): a 部分公开 answer states the ground of the part withheld
        if (result === 'partiallyDisclosed') {
          await office.selectOption('#ans-ground', 'withheld.thirdPartyRights')
          await office.fill('#ans-part', '涉及个人信息部分')
        }
        await office.fill('#ans-text', text)
        await office.click('button:has-text("确认：作出答复")')
        await office.waitForURL(`${base}/console/applications/${id}`)
        const letters = await office.innerText('#letters + *')
        expect(letters).toContain('政府信息公开申请答复书')
      }
      violations.casePage = await axe(office)
      await office.screenshot({ path: join(SCREENS, 'issue4-case-page.png'), fullPage: true })
      await office.click('a:has-text("打印版") >> nth=-1')
      const letter = await office.innerText('.letter')
      expect(letter).toContain('赵六：')
      expect(letter).toContain('6个月内直接向')
      await office.screenshot({ path: join(SCREENS, 'issue4-reply-letter.png'), fullPage: true })
      await office.goto(`${base}/console`)
      violations.dashboard = await axe(office)
      await office.screenshot({ path: join(SCREENS, 'issue4-dashboard.png'), fullPage: true })
    })

    it('the citizen sees the answer and the reply letter with the query code', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      await page.goto(`${base}/apply/status`)
      await page.fill('#code', queryCode)
      await page.click('button:has-text("查询")')
      expect(await page.innerText('#stage')).toBe('已答复')
      expect(await page.innerText('#outcome')).toBe('部分公开')
      const letter = await page.innerText('.letter')
      expect(letter).toContain('政府信息公开申请答复书')
      expect(letter).toContain('王小明：')
      expect(letter).toContain('对本决定中不予公开的部分')
      expect(letter).toContain('应当先申请行政复议')
      violations.statusPage = await axe(page)
      await page.screenshot({ path: join(SCREENS, 'issue4-status-page.png'), fullPage: true })
      await page.close()
    })

    it('axe-core: no serious or critical violation on the form, status page, dashboard and case page', () => {
      expect(violations).toEqual({ applyForm: [], casePage: [], dashboard: [], statusPage: [] })
    })
  },
)
