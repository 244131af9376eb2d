import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database.js'
import { axe, browserAvailable, serveToBrowser } from '../support/browser.js'
import { freshStore } from '../support/engines.js'
import type { TestRole, World } from '../auth/support.js'
import { makeUsers, makeWorld, PASSWORD, testApp } from '../auth/support.js'

const SCREENS = process.env.GONGKAI_SCREENSHOT_DIR ?? '/tmp/shots/interaction'

/**
 * 政民互动 as a new user tries it: a citizen starts at the portal home, staff work through the console pages.
 * Every new page is photographed at 1366 and 390 px and checked with axe.
 */
// a shared machine: each step takes screenshots at two widths and runs axe on every page it visits
describe.skipIf(!browserAvailable)(
  '政民互动 in Chromium: a letter, a consultation, a survey',
  { timeout: 240_000 },
  () => {
    let store: Store & { drop(): Promise<void> }
    let app: FastifyInstance
    let browser: Browser
    let base = ''
    let closeServed: (() => Promise<void>) | undefined
    let w: World
    let users: Record<TestRole, string>
    let agencyName = ''
    const violations: Record<string, string[]> = {}

    /** Axe, then the page at 1366 and 390 px wide (full height). */
    async function look(page: Page, name: string) {
      violations[name] = await axe(page)
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: join(SCREENS, `${name}-${width}.png`), fullPage: true })
      }
      await page.setViewportSize({ width: 1366, height: 900 })
    }

    async function signIn(username: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      await page.goto(`${base}/console`)
      await page.fill('#username', username)
      await page.fill('#password', PASSWORD)
      await page.click('button:has-text("登录")')
      await page.waitForURL(`${base}/console`)
      return page
    }

    const rates = async (page: Page) => {
      await page.goto(`${base}/console`)
      return {
        onTime: await page.innerText('#panel-on-time'),
        satisfaction: await page.innerText('#panel-satisfaction'),
      }
    }

    beforeAll(async () => {
      mkdirSync(SCREENS, { recursive: true })
      store = await freshStore('sqlite')
      w = await makeWorld(store)
      users = await makeUsers(store, w, 'ix')
      agencyName = (
        await store.db.selectFrom('agencies').select('name').where('id', '=', w.agencyA).executeTakeFirstOrThrow()
      ).name
      app = await testApp(store)
      ;({ base, browser, close: closeServed } = await serveToBrowser(app))
    })

    afterAll(async () => {
      await closeServed?.()
      await store?.drop()
    })

    let queryCode = ''
    let office: Page

    it('a citizen writes a 咨询 from the portal home; a form with mistakes comes back in Chinese', async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      await page.goto(`${base}/`)
      await page.click('nav.site-nav >> text=政民互动')
      await page.waitForURL(`${base}/interaction`)
      await look(page, 'portal-interaction-home')
      await page.click(`text=给${agencyName}写信`)
      await page.check('input[name=kind][value=consult]')
      await page.fill('#f-subject', '加装电梯补贴标准')
      await page.click('button:has-text("提交来信")')
      expect(await page.innerText('#form-errors')).toContain('来信内容至少10个字')
      expect(await page.innerText('#form-errors')).toContain('请填写姓名')
      expect(await page.inputValue('#f-subject')).toBe('加装电梯补贴标准')
      await look(page, 'portal-letter-form-errors')
      await page.fill('#f-body', '请问本市既有住宅加装电梯的财政补贴标准是多少？如何申请？')
      await page.fill('#f-name', '王小明')
      await page.fill('#f-phone', '13800000000')
      await page.check('input[name=wantsPublic]')
      await page.click('button:has-text("提交来信")')
      await page.waitForURL(/\/interaction\/letters\/receipt/)
      queryCode = (await page.innerText('#query-code')).trim()
      expect(queryCode).toMatch(/^[A-Z2-9]{10}$/)
      // received Tuesday 2026-11-24; 咨询 is due on the 5th working day after
      expect(await page.innerText('main')).toContain('2026-12-01')
      await look(page, 'portal-letter-receipt')
      await page.close()
    })

    it('the office routes it, the department answers it (console pages)', async () => {
      office = await signIn(users.office)
      expect(await rates(office)).toEqual({ onTime: '—', satisfaction: '—' })
      await office.click('nav.console-nav >> text=政民互动')
      await office.waitForURL(`${base}/console/interaction`)
      await look(office, 'console-interaction-desk')
      await office.click('text=加装电梯补贴标准')
      await office.selectOption('#f-departmentId', String(w.deptA1))
      await office.click('button:has-text("转办")')
      await office.waitForURL(/\/console\/interaction\/letters\/\d+$/)
      expect(await office.innerText('#letter-dept')).toBe('房屋征收处')
      const letterUrl = office.url()
      const handler = await signIn(users.handler)
      await handler.goto(`${base}/console/interaction`)
      await handler.click('text=加装电梯补贴标准')
      await handler.fill('#f-answer', '按照本市加装电梯实施意见，每台补贴20万元，由街道受理。联系电话0570-1234567。')
      await handler.click('button:has-text("答复")')
      await handler.waitForURL(letterUrl)
      expect(await handler.innerText('#letter-status')).toBe('已答复')
      await look(handler, 'console-letter-answered')
      await handler.close()
    })

    it('the citizen reads the answer and rates it; the rates on the dashboard follow', async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      await page.goto(`${base}/`)
      await page.click('nav.site-nav >> text=政民互动')
      await page.click('text=来信查询与评价')
      await page.fill('#f-code', queryCode)
      await page.click('button:has-text("查询")')
      expect(await page.innerText('#letter-answer')).toContain('每台补贴20万元')
      await look(page, 'portal-letter-status')
      await page.check('input[name=rating][value=satisfied]')
      await page.click('button:has-text("提交评价")')
      await page.waitForURL(/sent=1/)
      expect(await page.innerText('#letter-rating')).toBe('满意')
      await page.close()
      expect(await rates(office)).toEqual({ onTime: '100%', satisfaction: '100%' })
      await look(office, 'console-dashboard-with-interaction')
    })

    it('the office publishes the consented 咨询 with personal data removed', async () => {
      await office.goto(`${base}/console/interaction?all=1`)
      await office.click('text=加装电梯补贴标准')
      await office.click('button:has-text("公开来信及答复")')
      const page = await browser.newPage()
      await page.goto(`${base}/interaction`)
      const text = await page.innerText('main')
      expect(text).toContain('每台补贴20万元')
      expect(text).toContain('[电话已隐去]')
      expect(text).not.toContain('0570-1234567')
      await page.close()
    })

    let consultationPath = ''

    it('a consultation opens (console), takes two comments (portal), closes and publishes its 采纳情况', async () => {
      await office.goto(`${base}/console/interaction`)
      await office.click('nav[aria-label="政民互动功能"] >> text=意见征集')
      await office.fill('#f-title', '《既有住宅加装电梯实施办法（征求意见稿）》')
      await office.fill('#f-explanation', '为规范既有住宅加装电梯工作，起草本办法，现公开征求意见。')
      await office.fill('#f-draftText', '第一条 为了改善居住条件，制定本办法。')
      await office.fill('#f-opensOn', '2026-11-20')
      await office.fill('#f-closesOn', '2026-12-20')
      await look(office, 'console-consultations')
      await office.click('button:has-text("发布征集")')
      await office.waitForURL(/\/console\/interaction\/consultations\/\d+$/)
      const id = office.url().split('/').pop()
      consultationPath = `/interaction/consultations/${id}`

      const citizen = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      await citizen.goto(`${base}/`)
      await citizen.click('nav.site-nav >> text=政民互动')
      await citizen.click('text=《既有住宅加装电梯实施办法（征求意见稿）》')
      for (const [name, body] of [
        ['李四', '建议明确低楼层住户的补偿标准。'],
        ['赵六', '建议取消对加装电梯的所有审批。'],
      ]) {
        await citizen.fill('#f-name', name ?? '')
        await citizen.fill('#f-body', body ?? '')
        await citizen.click('button:has-text("提交意见")')
        await citizen.waitForURL(/sent=1/)
      }
      // nothing is shown before moderation
      expect(await citizen.innerText('#comments-h')).toBe('公众意见（0条）')
      await look(citizen, 'portal-consultation-open')

      await office.reload()
      await office.selectOption('select[aria-label="意见1是否采纳"]', 'yes')
      await office.click('button:has-text("保存意见1")')
      await office.waitForURL(/#cm\d+$/)
      await office.selectOption('select[aria-label="意见2是否采纳"]', 'no')
      await office.fill('input[aria-label="意见2未采纳理由"]', '审批涉及结构安全，不宜取消。')
      await office.click('button:has-text("保存意见2")')
      await office.waitForURL(/#cm\d+$/)
      await look(office, 'console-consultation-moderation')
      await office.fill('#f-explanation', '低楼层补偿意见已采纳，写入第八条；取消审批的意见因涉及结构安全未采纳。')
      await office.click('button:has-text("结束征集并公布")')
      await office.waitForURL(/\/consultations\/\d+$/)

      await citizen.goto(`${base}${consultationPath}`)
      const feedback = await citizen.innerText('#feedback')
      expect(feedback).toContain('共收到意见建议2条，采纳1条，未采纳1条')
      expect(feedback).toContain('写入第八条')
      expect(await citizen.innerText('#comments-h')).toBe('公众意见（2条）')
      await look(citizen, 'portal-consultation-closed')
      await citizen.close()
    })

    it('a survey takes an answer, refuses a second answer with the same code, and shows its chart', async () => {
      await office.goto(`${base}/console/interaction/surveys`)
      await office.fill('#f-title', '物业服务满意度调查')
      await office.fill(
        '#f-questions',
        '单选：您对小区物业服务是否满意？\n满意\n一般\n不满意\n\n多选：您最关心哪些方面？\n保洁\n安保\n维修\n\n问答：您的其他建议',
      )
      await office.fill('#f-opensOn', '2026-11-20')
      await office.fill('#f-closesOn', '2026-12-31')
      await look(office, 'console-surveys')
      await office.click('button:has-text("发布调查")')
      await office.waitForURL(/\/console\/interaction\/surveys\/\d+$/)
      await office.fill('#f-count', '2')
      await office.click('button:has-text("生成参与码")')
      const codes = (await office.locator('#new-codes li').allInnerTexts()).map((c) => c.trim())
      expect(codes).toHaveLength(2)
      await look(office, 'console-survey-codes')

      const citizen = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      await citizen.goto(`${base}/`)
      await citizen.click('nav.site-nav >> text=政民互动')
      await citizen.click('text=物业服务满意度调查')
      const surveyUrl = citizen.url()
      await citizen.fill('#f-code', codes[0] ?? '')
      await citizen.check('input[name=q0][value="0"]')
      await citizen.check('input[name=q1][value="0"]')
      await citizen.check('input[name=q1][value="2"]')
      await citizen.fill('textarea[name=q2]', '希望增加充电桩')
      await look(citizen, 'portal-survey')
      await citizen.click('button:has-text("提交答卷")')
      await citizen.waitForURL(/\/results\?sent=1/)
      expect(await citizen.innerText('#answer-count')).toBe('1')
      const chart = citizen.locator('img.survey-chart').first()
      await chart.waitFor()
      expect(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
      expect(await chart.getAttribute('alt')).toBe('满意1人，一般0人，不满意0人')
      await look(citizen, 'portal-survey-results')

      await citizen.goto(surveyUrl)
      await citizen.fill('#f-code', codes[0] ?? '')
      await citizen.check('input[name=q0][value="1"]')
      await citizen.check('input[name=q1][value="1"]')
      await citizen.click('button:has-text("提交答卷")')
      expect(await citizen.innerText('#form-errors')).toContain('该参与码已提交过答卷')
      await citizen.goto(`${surveyUrl}/results`)
      expect(await citizen.innerText('#answer-count')).toBe('1')
      await citizen.close()
    })

    it('responses to public concern, other channels and settings: recorded from their console pages', async () => {
      await office.goto(`${base}/console/interaction/responses`)
      await office.selectOption('#f-kind', 'pressConference')
      await office.fill('#f-heldOn', '2026-11-10')
      await office.fill('#f-subject', '加装电梯新政新闻发布会')
      await office.fill('#f-concern', '既有住宅加装电梯')
      await office.fill('#f-speakers', '张局长，局长（主要负责同志）')
      await office.fill('#f-link', 'javascript:alert(1)')
      await office.click('button:has-text("登记")')
      expect(await office.innerText('.errors')).toContain('链接应为 http:// 或 https:// 开头的网址')
      await office.fill('#f-link', 'https://www.example.gov.cn/fbh/2026-11-10.html')
      await office.click('button:has-text("登记")')
      await office.waitForURL(`${base}/console/interaction/responses`)
      expect(await office.innerText('main table')).toContain('加装电梯新政新闻发布会')
      await look(office, 'console-responses')
      await office.goto(`${base}/console/interaction/channels`)
      await office.selectOption('#f-channel', 'hotline12345')
      await office.fill('#f-period', '2026-10')
      await office.fill('#f-received', '120')
      await office.fill('#f-source', '12345热线系统导出')
      await office.click('button:has-text("保存")')
      await office.waitForURL(/sent=1/)
      await look(office, 'console-channels')
      await office.goto(`${base}/console/interaction/settings`)
      await look(office, 'console-settings')
      const page = await browser.newPage()
      await page.goto(`${base}/interaction/responses`)
      expect(await page.innerText('main')).toContain('【主要负责同志】')
      await look(page, 'portal-responses')
      await page.close()
    })

    it('axe-core: no serious or critical violation on any of these pages', () => {
      const found = Object.fromEntries(Object.entries(violations).filter(([, v]) => v.length > 0))
      expect(found).toEqual({})
      expect(Object.keys(violations).length).toBeGreaterThanOrEqual(18)
    })
  },
)
