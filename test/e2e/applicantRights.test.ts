import { mkdirSync, readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/web/app.js'
import { transportsFor } from '../../src/services/notifications/transports.js'
import { ensureCatalog } from '../../src/services/catalog/columns.js'
import type { Store } from '../../src/store/database.js'
import { browserAvailable, serveToBrowser } from '../support/browser.js'
import { lookAt, mailAbout as mailAboutIn, signInThroughForm } from '../support/journey.js'
import { freshStore } from '../support/engines.js'
import { startMailServer } from '../support/mailServer.js'
import type { TestRole, World } from '../auth/support.js'
import { makeUsers, makeWorld, TODAY } from '../auth/support.js'

// Issue 17 points 4 and 5 in the browser: a citizen applies, proves the second factor and downloads what the
// agency holds about them; staff export it from the case page; an administrator sets the retention periods.

const STEP = 120_000
const SHOTS = process.env.GONGKAI_SCREENSHOT_DIR ?? '/tmp/shots/applicant-rights'
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)
const CITIZEN = {
  name: '陈晓燕',
  id: '11010519491231002X',
  phone: '13905701234',
  email: 'chen@example.cn',
  address: '浙江省衢州市柯城区某路18号3幢201室',
  description: '请公开2026年本市老旧小区改造项目的名单',
}

describe.skipIf(!browserAvailable)("the applicant's own data, and the staff's export (issue 17 point 5)", () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let closeServed: (() => Promise<void>) | undefined
  let mail: Awaited<ReturnType<typeof startMailServer>>
  let w: World
  let users: Record<TestRole, string>
  let agencyName = ''
  let queryCode = ''
  let citizen: Page
  const violations: Record<string, string[]> = {}

  const look = (page: Page, name: string) => lookAt(page, name, SHOTS, violations)
  const mailAbout = (word: string) => mailAboutIn(mail, word)
  const signInAs = (page: Page, username: string) => signInThroughForm(page, base, username)
  const auditActions = async () =>
    (await store.db.selectFrom('audit_log').select(['action', 'actor']).orderBy('seq').execute()).map(
      (r) => `${r.action}:${r.actor}`,
    )

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    mail = await startMailServer()
    store = await freshStore('sqlite')
    w = await makeWorld(store)
    users = await makeUsers(store, w, 'rights')
    await ensureCatalog(store, w.agencyA)
    agencyName = (
      await store.db.selectFrom('agencies').select('name').where('id', '=', w.agencyA).executeTakeFirstOrThrow()
    ).name
    const transports = transportsFor({ smtpUrl: mail.url, mailFrom: 'gongkai <noreply@gongkai.test>' })
    app = await buildApp({ store, today: () => TODAY, messaging: { transports, everyMs: 150 } })
    ;({ base, browser, close: closeServed } = await serveToBrowser(app))
    citizen = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
  }, STEP)

  afterAll(async () => {
    await closeServed?.()
    await mail?.close()
    await store?.drop()
  }, STEP)

  it(
    'a citizen applies from the portal home with an ID proof',
    async () => {
      await citizen.goto(`${base}/`)
      await citizen.click('nav.site-nav >> text=依申请公开')
      await citizen.waitForURL(/\/apply$/)
      await citizen.selectOption('#f-agency', { label: agencyName })
      await citizen.fill('#f-name', CITIZEN.name)
      await citizen.fill('#f-idNumber', CITIZEN.id)
      await citizen.fill('#f-phone', CITIZEN.phone)
      await citizen.fill('#f-email', CITIZEN.email)
      await citizen.fill('#f-address', CITIZEN.address)
      await citizen.fill('#f-description', CITIZEN.description)
      await citizen.selectOption('#f-secondFactor', 'email')
      await citizen.setInputFiles('#f-idProof', { name: '身份证.png', mimeType: 'image/png', buffer: PNG })
      await citizen.click('button:has-text("提交申请")')
      await citizen.waitForURL(/\/apply\/receipt/)
      queryCode = (await citizen.innerText('#query-code')).trim()
      expect(queryCode).toMatch(/^[A-Z2-9]{10}$/)
      await mailAbout('申请已收到')
    },
    STEP,
  )

  it(
    'opens the case by its query code, proves the e-mailed code and sees 我的个人信息, masked',
    async () => {
      await citizen.goto(`${base}/`)
      await citizen.click('nav.site-nav >> text=依申请公开')
      await citizen.click('a:has-text("凭查询码查询办理进度")')
      await citizen.fill('#code', queryCode)
      await citizen.click('button:has-text("查询")')
      await citizen.click('a:has-text("查看我的个人信息")')
      await citizen.waitForURL(/\/apply\/me\?code=/)
      // nothing personal before the second factor
      expect(await citizen.content()).not.toContain('002X')
      expect(await citizen.innerText('#verify')).toContain('身份验证')
      await look(citizen, 'my-data-locked')
      await citizen.click('button:has-text("发送验证码")')
      await citizen.waitForURL(/sent=code/)
      const [codeMail] = await mailAbout('验证码')
      const code = /验证码为 (\d{6})/.exec(codeMail?.text ?? '')?.[1] ?? ''
      expect(code).toMatch(/^\d{6}$/)
      await citizen.fill('#me-answer', code === '000000' ? '111111' : '000000')
      await citizen.click('button:has-text("验证身份")')
      expect(await citizen.innerText('#verify-errors')).toContain('验证码不正确')
      await citizen.fill('#me-answer', code)
      await citizen.click('button:has-text("验证身份")')
      await citizen.waitForURL(/\/apply\/me\?code=/)
      const fields = await citizen.innerText('table[aria-labelledby="held-fields"]')
      expect(fields).toContain('1101**********002X')
      expect(fields).toContain('139****1234')
      expect(fields).toContain('c***@example.cn')
      expect(fields).toContain('陈某某')
      expect(fields).not.toContain(CITIZEN.id)
      expect(await citizen.innerText('ul.files')).toContain('身份证.png')
      const messages = await citizen.innerText('table[aria-labelledby="held-messages"]')
      expect(messages).toContain('申请已受理')
      // where each message went, masked as the fields above are
      expect(messages).toContain('c***@example.cn')
      expect(messages).toContain('139****1234')
      expect(messages).not.toContain(CITIZEN.phone)
      expect(await citizen.innerText('#held-retention')).toContain('申请尚在办理中')
      await look(citizen, 'my-data')
    },
    STEP,
  )

  it(
    'downloads the full copy',
    async () => {
      const download = citizen.waitForEvent('download')
      await citizen.click('a:has-text("下载完整副本")')
      const file = await download
      const copy = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
        applicant: { name: string; details: Record<string, string> }
        files: { fileName: string }[]
        case: { queryCode: string }
      }
      expect(copy.applicant.name).toBe(CITIZEN.name)
      expect(copy.applicant.details.idNumber).toBe(CITIZEN.id)
      expect(copy.applicant.details.address).toBe(CITIZEN.address)
      expect(copy.files.map((f) => f.fileName)).toEqual(['身份证.png'])
      expect(copy.case.queryCode).toBe(queryCode)
      expect(await auditActions()).toEqual(
        expect.arrayContaining(['case.personalDataViewed:public', 'case.personalDataDownloaded:public']),
      )
    },
    STEP,
  )

  it(
    "staff export the applicant's data from the case page; the export is audited",
    async () => {
      const office = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
      await signInAs(office, users.office)
      await office.click('nav.console-nav >> text=依申请公开')
      await office.click(`tr:has-text("${CITIZEN.name}") a >> nth=0`)
      await office.waitForURL(/\/console\/applications\/\d+$/)
      await office.click('a:has-text("导出申请人个人信息")')
      await office.waitForURL(/\/personal-data$/)
      const fields = await office.innerText('table[aria-labelledby="held-fields"]')
      expect(fields).toContain(CITIZEN.id)
      expect(fields).toContain(CITIZEN.name)
      await look(office, 'staff-personal-data')
      const download = office.waitForEvent('download')
      await office.click('a:has-text("下载 JSON")')
      const copy = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
        applicant: { details: Record<string, string> }
      }
      expect(copy.applicant.details.phone).toBe(CITIZEN.phone)
      const exports = (await auditActions()).filter((a) => a.startsWith('case.personalDataExport:'))
      expect(exports).toEqual([`case.personalDataExport:${users.office}`, `case.personalDataExport:${users.office}`])
      await office.close()
    },
    STEP,
  )

  it(
    'an administrator sets the 个人信息保存期限 and sees the 匿名化记录 (empty)',
    async () => {
      const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      await signInAs(admin, users.agencyAdmin)
      await admin.click('nav.console-nav >> text=机关与处室')
      await admin.click(`a:has-text("${agencyName}：个人信息保存期限")`)
      expect(await admin.inputValue('#r-caseYears')).toBe('10')
      expect(await admin.inputValue('#r-disputedCaseYears')).toBe('30')
      await admin.fill('#r-messageYears', '0')
      await admin.click('button:has-text("保存保存期限")')
      expect(await admin.innerText('.errors')).toContain('发给申请人的短信和电子邮件至少1年')
      await admin.fill('#r-messageYears', '2')
      await admin.click('button:has-text("保存保存期限")')
      await admin.waitForURL(/saved=1/)
      expect(await admin.inputValue('#r-messageYears')).toBe('2')
      await look(admin, 'retention-settings')
      await admin.click('a:has-text("查看匿名化记录")')
      expect(await admin.innerText('main')).toContain('尚无运行记录')
      await look(admin, 'retention-record-empty')
      expect(await auditActions()).toContain(`agency.retention:${users.agencyAdmin}`)
      await admin.close()
    },
    STEP,
  )

  it(
    'axe-core: no serious or critical violation on any page',
    () => {
      expect(Object.entries(violations).filter(([, v]) => v.length)).toEqual([])
    },
    STEP,
  )
})
