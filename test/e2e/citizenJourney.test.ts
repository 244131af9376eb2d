import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
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

// a browser step on a shared 2-core machine: minutes, not the default 5 s
const STEP = 120_000
const SHOTS = process.env.GONGKAI_SCREENSHOT_DIR ?? '/tmp/shots/citizen'
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)
// the disclosed information: a small real PDF (sniffed by content on upload)
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)
const CITIZEN = {
  name: '王小明',
  id: '11010519491231002X',
  phone: '0570-1234567',
  email: 'wang@example.cn',
  address: '浙江省衢州市柯城区某路1号',
  description: '请公开2026年本市棚户区改造项目的征收补偿方案',
}

describe.skipIf(!browserAvailable)('a citizen from the portal home to the disclosed file (issue 14)', () => {
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
  let office: Page
  const violations: Record<string, string[]> = {}

  const look = (page: Page, name: string) => lookAt(page, name, SHOTS, violations)
  const mailAbout = (word: string) => mailAboutIn(mail, word)

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    mail = await startMailServer()
    store = await freshStore('sqlite')
    w = await makeWorld(store)
    users = await makeUsers(store, w, 'citizen')
    // the agency's four standard disclosure columns, as every agency on the portal has them
    await ensureCatalog(store, w.agencyA)
    agencyName = (
      await store.db.selectFrom('agencies').select('name').where('id', '=', w.agencyA).executeTakeFirstOrThrow()
    ).name
    const transports = transportsFor({ smtpUrl: mail.url, mailFrom: 'gongkai <noreply@gongkai.test>' })
    app = await buildApp({ store, today: () => TODAY, messaging: { transports, everyMs: 150 } })
    ;({ base, browser, close: closeServed } = await serveToBrowser(app))
    citizen = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    office = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  }, STEP)

  afterAll(async () => {
    await closeServed?.()
    await mail?.close()
    await store?.drop()
  }, STEP)

  it(
    'finds the form from the home page, reads the notice and applies',
    async () => {
      await citizen.goto(`${base}/`)
      await look(citizen, 'home')
      await citizen.click('nav.site-nav >> text=依申请公开')
      await citizen.waitForURL(/\/apply$/)
      expect(await citizen.innerText('#apply-notice')).toContain('个人信息的使用')
      await citizen.selectOption('#f-agency', { label: agencyName })
      await citizen.fill('#f-name', CITIZEN.name)
      await citizen.fill('#f-idNumber', CITIZEN.id)
      await citizen.fill('#f-phone', CITIZEN.phone)
      await citizen.fill('#f-email', CITIZEN.email)
      await citizen.fill('#f-address', CITIZEN.address)
      await citizen.fill('#f-description', CITIZEN.description)
      await citizen.selectOption('#f-secondFactor', 'email')
      await citizen.setInputFiles('#f-idProof', { name: '身份证.png', mimeType: 'image/png', buffer: PNG })
      await look(citizen, 'apply-form')
      await citizen.click('button:has-text("提交申请")')
      await citizen.waitForURL(/\/apply\/receipt/)
    },
    STEP,
  )

  it(
    'prints the 申请回执: query code, receipt date, the legal reply date and how to follow',
    async () => {
      queryCode = (await citizen.innerText('#query-code')).trim()
      expect(queryCode).toMatch(/^[A-Z2-9]{10}$/)
      const sheet = await citizen.innerText('#receipt')
      expect(sheet).toContain('政府信息公开申请回执')
      expect(await citizen.innerText('#received-on')).toBe('2026-11-24')
      expect(await citizen.innerText('#due-by')).toBe('2026-12-22')
      expect(sheet).toContain('如何查询办理进度')
      expect(await citizen.isVisible('button:has-text("打印回执")')).toBe(true)
      await look(citizen, 'receipt')
      await citizen.emulateMedia({ media: 'print' })
      expect(await citizen.isVisible('button:has-text("打印回执")')).toBe(false)
      expect(await citizen.isVisible('#receipt')).toBe(true)
      await citizen.screenshot({ path: join(SHOTS, 'receipt-print.png'), fullPage: true })
      await citizen.emulateMedia({ media: 'screen' })
      const [received] = await mailAbout('申请已收到')
      expect(received?.to).toEqual([CITIZEN.email])
      expect(received?.text).toContain(queryCode)
    },
    STEP,
  )

  it(
    'the office, signed in, asks for a 补正 naming what is missing',
    async () => {
      await signInThroughForm(office, base, users.office)
      await office.click('nav.console-nav >> text=依申请公开')
      await office.click(`tr:has-text("${CITIZEN.name}") a >> nth=0`)
      await office.waitForURL(/\/console\/applications\/\d+$/)
      await office.click('summary:has-text("告知补正")')
      await office.fill('#sr-request', '请写明棚户区改造项目的名称或所在街道')
      await office.fill('#sr-by', '2026-12-09')
      await office.click('button:has-text("确认：告知补正")')
      await office.waitForURL(/\/console\/applications\/\d+$/)
      await mailAbout('需要补正')
    },
    STEP,
  )

  it(
    'the citizen sees what is missing and by when, and sends the supplement online with a file',
    async () => {
      await citizen.goto(`${base}/`)
      await citizen.click('nav.site-nav >> text=依申请公开')
      await citizen.click('a:has-text("凭查询码查询办理进度")')
      await citizen.fill('#code', queryCode)
      await citizen.click('button:has-text("查询")')
      expect(await citizen.innerText('#stage')).toBe('待补正')
      expect(await citizen.innerText('#missing-what')).toBe('请写明棚户区改造项目的名称或所在街道')
      expect(await citizen.innerText('#complete-by')).toBe('2026-12-09')
      expect(await citizen.innerText('.letter')).toContain('补正')
      await look(citizen, 'status-supplement')
      await citizen.fill('#f-text', '项目为柯城区某某街道棚户区改造项目')
      await citizen.setInputFiles('#f-supplementFile', { name: '补充说明.png', mimeType: 'image/png', buffer: PNG })
      await citizen.click('button:has-text("提交补正")')
      await citizen.waitForURL(/sent=supplement/)
      expect(await citizen.innerText('#stage')).toBe('办理中')
      expect(await citizen.innerText('#steps')).toContain('收到补正材料')
      await look(citizen, 'status-after-supplement')
      await mailAbout('已收到补正')
    },
    STEP,
  )

  it(
    'the office answers with the disclosed file',
    async () => {
      await office.reload()
      expect(await office.innerText('#case-files')).toContain('补正说明')
      await office.setInputFiles('#disclosed-file', {
        name: '征收补偿方案.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      })
      await office.click('button:has-text("上传公开的信息文件")')
      await office.waitForURL(/\/console\/applications\/\d+/)
      expect(await office.innerText('#case-files')).toContain('征收补偿方案.pdf')
      await office.click('summary:has-text("作出答复")')
      await office.selectOption('#ans-result', 'disclosed')
      await office.fill('#ans-text', '现将该项目征收补偿方案提供给您，见附件。')
      await office.click('button:has-text("确认：作出答复")')
      await office.waitForURL(/\/console\/applications\/\d+$/)
      await look(office, 'console-case')
      await mailAbout('已作出答复')
    },
    STEP,
  )

  it(
    'the citizen downloads it after the e-mailed code; the download is the 送达 date',
    async () => {
      await citizen.goto(`${base}/`)
      await citizen.click('nav.site-nav >> text=依申请公开')
      await citizen.click('a:has-text("凭查询码查询办理进度")')
      await citizen.fill('#code', queryCode)
      await citizen.click('button:has-text("查询")')
      expect(await citizen.innerText('#stage')).toBe('已答复')
      const reply = await citizen.innerText('.letter')
      expect(reply).toContain('政府信息公开申请答复书')
      expect(reply).toContain('收到您提出的政府信息公开申请')
      expect(await citizen.isVisible('a:has-text("征收补偿方案.pdf")')).toBe(false)
      await look(citizen, 'status-answered')
      await citizen.click('button:has-text("发送验证码")')
      await citizen.waitForURL(/sent=code/)
      const [codeMail] = await mailAbout('验证码')
      const code = /验证码为 (\d{6})/.exec(codeMail?.text ?? '')?.[1] ?? ''
      expect(code).toMatch(/^\d{6}$/)
      await citizen.fill('#f-answer', '000000' === code ? '111111' : '000000')
      await citizen.click('button:has-text("验证并下载")')
      expect(await citizen.innerText('#verify-errors')).toContain('验证码不正确')
      await citizen.fill('#f-answer', code)
      await citizen.click('button:has-text("验证并下载")')
      const download = citizen.waitForEvent('download')
      await citizen.click('a:has-text("征收补偿方案.pdf")')
      const file = await download
      expect(file.suggestedFilename()).toBe('征收补偿方案.pdf')
      expect(readFileSync(await file.path())).toEqual(PDF)
      await citizen.reload()
      expect(await citizen.innerText('#delivered-on')).toBe(TODAY)
      expect(await citizen.innerText('#steps')).toContain('送达')
      await look(citizen, 'status-delivered')
    },
    STEP,
  )

  it(
    'every e-mail reached the test SMTP server, to the applicant only, with nothing personal',
    () => {
      const subjects = mail.received.map((m) =>
        m.subject.replace(/^【.*?】政府信息公开(申请)?：/, '').replace(/（.*）$/, ''),
      )
      expect(subjects).toEqual(['申请已收到', '需要补正', '已收到补正', '已作出答复', '验证码'])
      for (const m of mail.received) {
        expect(m.to).toEqual([CITIZEN.email])
        expect(m.subject).toContain(agencyName)
        for (const personal of [
          CITIZEN.name,
          CITIZEN.id,
          CITIZEN.phone,
          CITIZEN.address,
          CITIZEN.description,
          '棚户区',
        ])
          expect(`${m.subject}\n${m.text}`).not.toContain(personal)
      }
    },
    STEP,
  )

  it(
    'staff see no failed message on the 申请人消息 page',
    async () => {
      await office.click('nav.console-nav >> text=申请人消息')
      expect(await office.innerText('#failed')).toContain('发送失败（0）')
      await look(office, 'console-outbox')
    },
    STEP,
  )

  it(
    "an administrator sets the office's particulars; the agency's 政府信息公开指南 shows them",
    async () => {
      const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      admin.setDefaultTimeout(8000)
      citizen.setDefaultTimeout(8000)
      await signInThroughForm(admin, base, users.agencyAdmin)
      await admin.click('nav.console-nav >> text=机关与处室')
      await admin.click(`a:has-text("${agencyName}：公开指南设置")`)
      await admin.fill('#o-name', '甲市住房和城乡建设局办公室（政务公开科）')
      await admin.fill('#o-address', '甲市人民路1号3楼')
      await admin.fill('#o-hours', '工作日 8:30—12:00，14:30—17:30')
      await admin.fill('#o-phone', '0570-8888888')
      await admin.fill('#o-fax', '0570-8888889')
      await admin.fill('#o-postalAddress', '甲市人民路1号')
      await admin.fill('#o-postalCode', '12345')
      await admin.fill('#o-email', 'gongkai@jia.gov.cn')
      await admin.fill('#o-waysToApply', '网上申请：本平台“依申请公开”\n信函：寄至通信地址')
      await admin.fill('#o-fees', '不收取费用；数量、频次明显超过合理范围的，依国办函〔2020〕109号收取。')
      await admin.click('button:has-text("保存公开指南设置")')
      expect(await admin.innerText('.errors')).toContain('邮政编码应为6位数字')
      expect(await admin.inputValue('#o-address')).toBe('甲市人民路1号3楼')
      await admin.fill('#o-postalCode', '324000')
      await admin.click('button:has-text("保存公开指南设置")')
      await admin.waitForURL(/saved=1/)
      await look(admin, 'console-office-settings')
      await admin.close()

      await citizen.goto(`${base}/`)
      await citizen.click(`a:has-text("${agencyName}") >> nth=0`)
      await citizen.click('.catalog-tree a:has-text("政府信息公开指南")')
      expect(await citizen.innerText('#office-address')).toBe('甲市人民路1号3楼')
      expect(await citizen.innerText('#office-hours')).toBe('工作日 8:30—12:00，14:30—17:30')
      expect(await citizen.innerText('#office-phone')).toBe('0570-8888888')
      expect(await citizen.innerText('#office-fax')).toBe('0570-8888889')
      expect(await citizen.innerText('#office-email')).toBe('gongkai@jia.gov.cn')
      expect(await citizen.innerText('#office')).toContain('甲市人民路1号，邮编 324000')
      expect(await citizen.innerText('#office-fees')).toContain('109号')
      await look(citizen, 'guide')
      await citizen.click('.catalog-tree a:has-text("依申请公开")')
      await citizen.waitForURL(/\/apply\?agency=/)
      expect(await citizen.inputValue('#f-agency')).toBe(
        (await store.db.selectFrom('agencies').select('code').where('id', '=', w.agencyA).executeTakeFirstOrThrow())
          .code,
      )
    },
    STEP,
  )

  it(
    'axe-core: no serious or critical violation on any page of the journey',
    () => {
      expect(Object.entries(violations).filter(([, v]) => v.length)).toEqual([])
    },
    STEP,
  )
})
