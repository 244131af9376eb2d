import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { browserAvailable, serveToBrowser, axe } from '../support/browser.js'
import { freshStore } from '../support/engines.js'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import type { Role } from '../../src/domain/auth/roles.js'
import { makeAgency } from '../catalog/factories.js'
import { attachmentDir, today } from '../portal/world.js'

// Issue 17 point 2 (decision 0047), acceptance: a drafter writes a penalty decision holding an ID number and a
// mobile number; every reviewer signs in through the login form and acts; the 保密审查 reviewer sees both
// findings and accepts each mask; the office publishes; a visitor reaches the item from the portal home and sees
// the masked forms only; the 保密审查表 records both decisions. Only the accounts and the agency come from
// factories: the document comes from the pages.

const SHOTS = process.env.GONGKAI_SCREENSHOT_DIR ?? '/work/notes/shots'
const WIDTHS = [1366, 390] as const
const PASSWORD = 'Gk-Test-2026!x'

type Person = 'drafter' | 'dept' | 'leader' | 'secrecy' | 'office'
const PEOPLE: Record<Person, { role: Role; name: string }> = {
  drafter: { role: 'handler', name: '执法处 林科员' },
  dept: { role: 'reviewerDept', name: '处长张伟' },
  leader: { role: 'reviewerLeader', name: '副局长陈军' },
  secrecy: { role: 'reviewerSecrecy', name: '保密办刘芳' },
  office: { role: 'office', name: '公开办李明' },
}

// a valid 身份证号 (its check digit is 4) and a mobile number, of an invented person
const ID = '350102198506021234'
const PHONE = '13859670000'
const ID_MASKED = '3501**********1234'
const PHONE_MASKED = '138****0000'
const TITLE = '行政处罚决定书（榕建罚〔2026〕7号）'
const BODY = [
  '当事人：福州某某装饰工程有限公司',
  `法定代表人身份证号码：${ID}，联系电话：${PHONE}`,
  '经查，当事人在未取得施工许可证的情况下擅自施工，违反了《建筑工程施工许可管理办法》第三条的规定。',
  '本机关决定：责令改正，并处罚款人民币贰万元整。',
].join('\n')

describe.skipIf(!browserAvailable)('a penalty decision de-identified at the 保密审查 step, in Chromium', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let closeServed: (() => Promise<void>) | undefined
  let agency: Awaited<ReturnType<typeof makeAgency>>
  const contexts = {} as Record<Person, BrowserContext>
  const pages = {} as Record<Person, Page>
  let docId = 0
  /** what axe and the 390 px check found on the pages looked at, asserted at the end */
  const found: string[] = []

  /** Screenshots of a page as `who` sees it now, at 1366 and 390 px; axe at 1366; no sideways scrolling at 390. */
  async function look(path: string, who: Person, name: string) {
    for (const width of WIDTHS) {
      const page = await contexts[who].newPage()
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${base}${path}`)
      await page.screenshot({ path: join(SHOTS, `issue17-${name}-${width}.png`), fullPage: true })
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')
      if (Number(overflow) > 0) found.push(`${path} @${width}: ${String(overflow)} px wider than the screen`)
      if (width === 1366) for (const v of await axe(page)) found.push(`${path}: ${v}`)
      await page.close()
    }
  }

  /** Clicks a form's button and waits for the page the form answers with. */
  async function press(page: Page, selector: string) {
    await Promise.all([page.waitForEvent('load'), page.locator(selector).first().click()])
  }

  /** Opens the console at its login form, empty, and signs in as `who`. */
  async function signIn(who: Person) {
    contexts[who] = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const page = await contexts[who].newPage()
    pages[who] = page
    await page.goto(`${base}/console`)
    await page.waitForURL(/\/console\/login/)
    expect(await page.inputValue('#username')).toBe('')
    await page.fill('#username', `p17_${who}`)
    await page.fill('#password', PASSWORD)
    await page.click('button:has-text("登录")')
    await page.waitForURL(`${base}/console`)
    return page
  }

  beforeAll(async () => {
    attachmentDir()
    mkdirSync(SHOTS, { recursive: true })
    store = await freshStore('sqlite')
    agency = await makeAgency(store)
    const dept = await store.db
      .insertInto('departments')
      .values({ agency_id: agency.id, name: '执法处' })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [who, p] of Object.entries(PEOPLE) as [Person, { role: Role; name: string }][]) {
      await createUser({
        store,
        actor: systemActor('test'),
        username: `p17_${who}`,
        displayName: p.name,
        password: PASSWORD,
        roles: [p.role],
        agencyId: agency.id,
        departmentIds: p.role === 'handler' ? [dept.id] : [],
        mustChangePassword: false,
      })
    }
    app = await buildApp({ store, today: () => today })
    ;({ base, browser, close: closeServed } = await serveToBrowser(app))
  })
  afterAll(async () => {
    for (const c of Object.values(contexts)) await c.close()
    await closeServed?.()
    await store?.drop()
  })

  it('the drafter writes the penalty decision from an empty form and submits it', async () => {
    const page = await signIn('drafter')
    await page.goto(`${base}/console/catalog`)
    await page.click('a:has-text("起草新信息")')
    await page.waitForURL(/\/console\/catalog\/new$/)
    await page.fill('#f-title', TITLE)
    await page.selectOption('#f-columnId', { label: '法定主动公开内容' })
    await page.fill('#f-body', BODY)
    await page.fill('#f-docNo', '榕建罚〔2026〕7号')
    await page.fill('#f-formedOn', '2026-02-26')
    await page.fill('#f-topic', '城乡建设、环境保护')
    await page.fill('#f-genre', '行政处罚决定书')
    await page.fill('#f-source', '执法处')
    await page.click('button:has-text("保存草稿")')
    await page.waitForURL(/\/console\/catalog\/\d+$/)
    docId = Number(/\/console\/catalog\/(\d+)/.exec(page.url())?.[1])
    // the drafter already sees what the 保密审查 step will decide
    const panel = await page.innerText('.privacy-review')
    expect(panel).toContain('身份证号')
    expect(panel).toContain('手机号码')
    await page.click('button:has-text("提交审核")')
    expect(await page.innerText('.doc-status')).toContain('处室负责人审核')
  })

  it('the 处室负责人 and the 分管领导 sign in and approve it', async () => {
    for (const who of ['dept', 'leader'] as const) {
      const page = await signIn(who)
      await page.goto(`${base}/console/catalog`)
      await page.click(`#awaiting a:text-is("${TITLE}")`)
      await page.fill('#comment', '同意')
      await page.click('button[value="approve"]')
      expect(await page.innerText('.doc-status'), who).toContain(who === 'dept' ? '分管领导审核' : '保密审查')
    }
  })

  it('the 保密审查 reviewer sees both findings, cannot approve before deciding, and accepts each mask', async () => {
    const page = await signIn('secrecy')
    await page.goto(`${base}/console/catalog`)
    await page.click(`#awaiting a:text-is("${TITLE}")`)
    await page.waitForURL(new RegExp(`/console/catalog/${docId}$`))
    const findings = page.locator('.privacy-findings li.finding')
    const texts = await findings.allInnerTexts()
    const idFinding = texts.find((t) => t.includes('身份证号'))
    const phoneFinding = texts.find((t) => t.includes('手机号码'))
    // each in its context, with the mask proposed
    expect(idFinding).toContain(`法定代表人身份证号码：${ID}`)
    expect(idFinding).toContain(ID_MASKED)
    expect(phoneFinding).toContain(`联系电话：${PHONE}`)
    expect(phoneFinding).toContain(PHONE_MASKED)
    await look(`/console/catalog/${docId}`, 'secrecy', 'secrecy-step')
    // approving with undecided findings is refused, in Chinese
    await page.fill('#comment', '经审查不涉及国家秘密')
    await press(page, 'button[value="approve"]')
    expect(await page.innerText('.errors')).toMatch(/尚有 \d+ 项个人信息未逐项确认/)
    // 保留原文 without a reason is refused too
    await press(page, 'li.finding button[value="keep"]')
    expect(await page.innerText('.errors')).toContain('保留原文须填写理由')
    for (const label of ['身份证号', '手机号码']) {
      await press(page, `li.finding:has(.finding-kind:text-is("${label}")) button[value="accept"]`)
      expect(
        await page.locator(`li.finding:has(.finding-kind:text-is("${label}")) .finding-decision`).innerText(),
      ).toContain('已确认：采纳去标识化')
    }
    // any further finding the detector reports is decided the same way, so that the step can close
    while ((await page.locator('li.finding:has(.pending)').count()) > 0) {
      await press(page, 'li.finding:has(.pending) button[value="accept"]')
    }
    expect(await page.innerText('.privacy-summary')).toContain('均已确认')
    await look(`/console/catalog/${docId}`, 'secrecy', 'secrecy-step-decided')
    await page.fill('#comment', '经审查不涉及国家秘密，个人信息已去标识化')
    await page.click('button[value="approve"]')
    expect(await page.innerText('.doc-status')).toContain('审核通过，待发布')
  })

  it('the office signs in and publishes it', async () => {
    const page = await signIn('office')
    await page.goto(`${base}/console/catalog`)
    await page.click(`#to-publish a:text-is("${TITLE}")`)
    await page.click('button:text-is("发布")')
    expect(await page.innerText('.doc-status')).toContain(`已发布，发布日期：${today}`)
    // the staff record keeps the original, apart from the published body
    expect(await page.innerText('.original-body')).toContain(ID)
    expect(await page.innerText('.doc-body')).toContain(ID_MASKED)
  })

  it('a visitor finds it from the portal home and sees only the masked forms (page, search, Atom feed, API)', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}/`)
    await page.click(`a[href="/xxgk/${agency.code}"]`)
    await page.click('a:has-text("法定主动公开内容")')
    await page.click(`main a:has-text("${TITLE}")`)
    await page.waitForURL(new RegExp(`/documents/${docId}$`))
    const text = await page.innerText('main')
    expect(text).toContain(`法定代表人身份证号码：${ID_MASKED}，联系电话：${PHONE_MASKED}`)
    expect(text).not.toContain(ID)
    expect(text).not.toContain(PHONE)
    expect(await page.content()).not.toMatch(new RegExp(`${ID}|${PHONE}`))
    // search from the home page: found by its words, never by the number it no longer shows
    await page.goto(`${base}/`)
    await page.fill('#home-q', '施工许可')
    await page.click('form.search-box button')
    const results = await page.innerText('main')
    expect(results).toContain(TITLE)
    expect(results).not.toContain(PHONE)
    await page.goto(`${base}/search?q=${PHONE}`)
    expect(await page.innerText('main')).not.toContain(TITLE)
    const feed = await (await fetch(`${base}/feeds/${agency.code}/statutory.atom`)).text()
    expect(feed).toContain(TITLE)
    expect(feed).not.toMatch(new RegExp(`${ID}|${PHONE}`))
    const api = await (await fetch(`${base}/api/documents?q=${encodeURIComponent('施工许可')}`)).text()
    expect(api).toContain(TITLE)
    expect(api).not.toMatch(new RegExp(`${ID}|${PHONE}`))
    await context.close()
  })

  it('the 保密审查表 shows both decisions, with who made them and when', async () => {
    const page = pages.secrecy
    await page.goto(`${base}/console/catalog/${docId}/record`)
    const table = await page.innerText('.privacy-decisions')
    for (const [kind, masked] of [
      ['身份证号', ID_MASKED],
      ['手机号码', PHONE_MASKED],
    ]) {
      const row = await page.locator(`.privacy-decisions tr:has(td:text-is("${kind}"))`).innerText()
      expect(row).toContain(masked)
      expect(row).toContain('采纳去标识化')
      expect(row).toContain('保密办刘芳')
      expect(row).toMatch(/2\d{3}-\d{2}-\d{2} \d{2}:\d{2}/)
    }
    expect(table).toContain('正文')
    expect(await page.innerText('.privacy-exemption')).toContain('不要求去标识化的情形：无')
    const record = await page.innerText('.review-record')
    expect(record).toContain('保密审查：个人信息逐项确认')
    expect(record).toContain('发布时去标识化')
    await look(`/console/catalog/${docId}/record`, 'secrecy', 'review-record')
  })

  it('every page looked at has no serious or critical axe finding and fits 390 px (screenshots)', () => {
    expect(found).toEqual([])
  })
})
