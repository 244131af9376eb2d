import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { browserAvailable, serveToBrowser, axe } from '../support/browser.js'
import { freshStore } from '../support/engines.js'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { createSession } from '../../src/services/accounts/sessions.js'
import type { Role } from '../../src/domain/auth/roles.js'
import { makeAgency } from '../catalog/factories.js'
import { PDF, attachmentDir, today } from '../portal/world.js'

// Issue 13, point 1: a drafter writes a policy and its 政策解读 from an empty console form, with an attachment;
// each reviewer finds them in their 待我审核 queue; one returns the policy, the drafter fixes it, all approve; the
// office publishes, and the public finds the policy on the portal and in search. Only the staff accounts and the
// agency are made by factories: every document row comes from the pages.

const SHOTS = process.env.GONGKAI_SCREENSHOT_DIR ?? join(tmpdir(), 'gongkai-shots')
const WIDTHS = [1366, 390] as const

type Person = 'drafter' | 'dept' | 'leader' | 'secrecy' | 'office'
const PEOPLE: Record<Person, { role: Role; name: string }> = {
  drafter: { role: 'handler', name: '物业处 王科员' },
  dept: { role: 'reviewerDept', name: '处长张伟' },
  leader: { role: 'reviewerLeader', name: '副局长陈军' },
  secrecy: { role: 'reviewerSecrecy', name: '保密办刘芳' },
  office: { role: 'office', name: '公开办李明' },
}

const POLICY = '关于进一步规范住宅小区电梯维保服务的通知'
const READING = '《关于进一步规范住宅小区电梯维保服务的通知》政策解读'

describe.skipIf(!browserAvailable)('authoring and review of a policy and its interpretation, in Chromium', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let closeServed: (() => Promise<void>) | undefined
  let agency: Awaited<ReturnType<typeof makeAgency>>
  const sessions = {} as Record<Person, string>
  const pages = {} as Record<Person, Page>
  let policyId = 0
  let readingId = 0
  /** what axe and the 390 px check found on the pages touched, asserted at the end */
  const found: string[] = []

  /** Screenshots of a page as `who` sees it now, at 1366 and 390 px; axe at 1366; no sideways scrolling at 390. */
  async function look(path: string, who: Person | null, name: string) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true })
      if (who) await context.addCookies([{ name: 'gk_session', value: sessions[who], url: base }])
      const page = await context.newPage()
      await page.goto(`${base}${path}`)
      await page.screenshot({ path: join(SHOTS, `issue13-${name}-${width}.png`), fullPage: true })
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')
      if (Number(overflow) > 0) found.push(`${path} @${width}: ${String(overflow)} px wider than the screen`)
      if (width === 1366) for (const v of await axe(page)) found.push(`${path}: ${v}`)
      await context.close()
    }
  }

  beforeAll(async () => {
    attachmentDir()
    mkdirSync(SHOTS, { recursive: true })
    store = await freshStore('sqlite')
    agency = await makeAgency(store)
    const dept = await store.db
      .insertInto('departments')
      .values({ agency_id: agency.id, name: '物业处' })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [who, p] of Object.entries(PEOPLE) as [Person, { role: Role; name: string }][]) {
      const userId = await createUser({
        store,
        actor: systemActor('test'),
        username: `a_${who}`,
        displayName: p.name,
        password: 'Gk-Test-2026!x',
        roles: [p.role],
        agencyId: agency.id,
        departmentIds: p.role === 'handler' ? [dept.id] : [],
        mustChangePassword: false,
      })
      sessions[who] = await createSession(store.db, userId, { ip: '127.0.0.1', userAgent: 'test' })
    }
    app = await buildApp({ store, today: () => today })
    ;({ base, browser, close: closeServed } = await serveToBrowser(app))
    for (const who of Object.keys(PEOPLE) as Person[]) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
      await context.addCookies([{ name: 'gk_session', value: sessions[who], url: base }])
      pages[who] = await context.newPage()
    }
  })
  afterAll(async () => {
    await closeServed?.()
    await store?.drop()
  })

  const idOf = (url: string) => Number(/\/console\/catalog\/(\d+)/.exec(url)?.[1])

  it('the drafter writes the policy from an empty form: every catalog field, the body and an attachment', async () => {
    const page = pages.drafter
    await page.goto(`${base}/console/catalog`)
    await page.click('a:has-text("起草新信息")')
    await page.waitForURL(/\/console\/catalog\/new$/)
    await look('/console/catalog/new', 'drafter', 'catalog-new')
    // the publisher is the drafter's agency, filled in
    expect(await page.inputValue('#f-publisher')).toContain('测试机关')
    await page.fill('#f-title', POLICY)
    await page.selectOption('#f-columnId', { label: '法定主动公开内容' })
    await page.fill(
      '#f-body',
      '为规范住宅小区电梯维护保养服务，保障乘梯安全，现通知如下。\n一、维保单位应当每15日对电梯进行一次清洁、润滑、调整和检查。',
    )
    await page.fill('#f-docNo', '榕房〔2026〕12号')
    await page.fill('#f-formedOn', '2026-02-26')
    await page.fill('#f-topic', '城乡建设、环境保护')
    await page.fill('#f-genre', '规范性文件')
    await page.selectOption('#f-validity', 'valid')
    await page.selectOption('#f-disclosure', 'active')
    await page.fill('#f-source', '物业处')
    await page.selectOption('#f-art20', 'art20_1')
    await page.check('input[name="requiresInterpretation"]')
    await page.setInputFiles('#f-file', {
      name: '电梯维保服务标准.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(PDF),
    })
    await page.click('button:has-text("保存草稿")')
    await page.waitForURL(/\/console\/catalog\/\d+$/)
    policyId = idOf(page.url())
    const meta = await page.innerText('.doc-meta')
    for (const shown of [
      '榕房〔2026〕12号',
      '2026-02-26',
      '城乡建设、环境保护',
      '规范性文件',
      '有效',
      '主动公开',
      '物业处',
    ])
      expect(meta).toContain(shown)
    expect(await page.innerText('.doc-body')).toContain('每15日对电梯进行一次清洁')
    expect(await page.innerText('.attachments')).toContain('电梯维保服务标准.pdf')
    // staff open a draft's file as a download; nobody signed out does
    const href = (await page.getAttribute('.attachments a', 'href')) ?? ''
    const file = await page.request.get(`${base}${href}`)
    expect([file.status(), file.headers()['content-type'], file.headers()['x-content-type-options']]).toEqual([
      200,
      'application/pdf',
      'nosniff',
    ])
    expect(file.headers()['content-disposition']).toMatch(/^attachment;/)
    expect((await fetch(`${base}${href}`, { redirect: 'manual' })).status).not.toBe(200)
    expect(await page.innerText('.doc-status')).toContain('草稿')
    await look(`/console/catalog/${policyId}`, 'drafter', 'catalog-draft')
  })

  it('a form with mistakes comes back with the field named in Chinese and what was typed', async () => {
    const page = pages.drafter
    await page.goto(`${base}/console/catalog/new`)
    await page.fill('#f-title', '关于某事项的通知')
    await page.selectOption('#f-columnId', { label: '法定主动公开内容' })
    await page.fill('#f-formedOn', '2026-02-26')
    // the kind of a file is read from its bytes, not its name
    await page.setInputFiles('#f-file', {
      name: '说明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('纯文本'),
    })
    await page.click('button:has-text("保存草稿")')
    expect(await page.innerText('.errors')).toContain('附件「说明.pdf」的类型不允许')
    expect(await page.inputValue('#f-title')).toBe('关于某事项的通知')
    // nothing was saved
    await page.goto(`${base}/console/catalog`)
    expect(await page.innerText('#all')).not.toContain('关于某事项的通知')
  })

  it('the drafter writes the 政策解读 from the policy page and submits both', async () => {
    const page = pages.drafter
    await page.goto(`${base}/console/catalog/${policyId}`)
    expect(await page.innerText('main')).toContain('尚未起草政策解读')
    await page.click('a:has-text("起草政策解读")')
    await page.waitForURL(/interprets=/)
    await look(`/console/catalog/new?interprets=${policyId}`, 'drafter', 'catalog-new-interpretation')
    expect(await page.innerText('main')).toContain(POLICY)
    await page.fill('#f-title', READING)
    await page.fill('#f-body', '一、制定背景\n近年来，本市住宅电梯数量快速增长。\n二、主要内容\n明确了维保周期和责任。')
    await page.fill('#f-formedOn', '2026-02-26')
    await page.click('button:has-text("保存草稿")')
    await page.waitForURL(/\/console\/catalog\/\d+$/)
    readingId = idOf(page.url())
    expect(await page.innerText('main')).toContain(`本信息是政策解读，所解读的文件：${POLICY}`)
    await page.click('button:has-text("提交审核")')
    expect(await page.innerText('.doc-status')).toContain('处室负责人审核')
    await page.click(`a[href="/console/catalog/${policyId}"]`)
    await page.click('button:has-text("提交审核")')
    expect(await page.innerText('.doc-status')).toContain('处室负责人审核')
  })

  it('the 处室负责人 finds both in the queue, returns the policy with a comment and approves the interpretation', async () => {
    const page = pages.dept
    await page.goto(`${base}/console`)
    await look('/console', 'dept', 'dashboard-reviewer')
    await look('/console/catalog', 'dept', 'catalog-queue-reviewer')
    expect(await page.innerText('#review-queue ~ p, .queue-count')).toContain('有 2 条主动公开信息待您审核')
    await page.click('.queue-count a')
    const queue = await page.innerText('#awaiting')
    expect(queue).toContain(POLICY)
    expect(queue).toContain(READING)
    await page.click(`#awaiting a:text-is("${POLICY}")`)
    await look(`/console/catalog/${policyId}`, 'dept', 'catalog-review')
    await page.fill('#comment', '第一条维保周期应写明依据《电梯维护保养规则》')
    await page.click('button[value="return"]')
    expect(await page.innerText('.doc-status')).toContain('已退回')
    await page.goto(`${base}/console/catalog/${readingId}`)
    await page.fill('#comment', '同意')
    await page.click('button[value="approve"]')
    expect(await page.innerText('.doc-status')).toContain('分管领导审核')
  })

  it('the drafter sees the return comment, fixes the policy and submits it again', async () => {
    const page = pages.drafter
    await page.goto(`${base}/console/catalog`)
    expect(await page.innerText('#returned')).toContain(POLICY)
    await page.click(`#returned a:text-is("${POLICY}")`)
    expect(await page.innerText('.returned-note')).toContain('第一条维保周期应写明依据《电梯维护保养规则》')
    await look('/console/catalog', 'drafter', 'catalog-queue-drafter')
    await page.click('a.button:has-text("修改")')
    await look(`/console/catalog/${policyId}`, 'drafter', 'catalog-returned')
    await look(`/console/catalog/${policyId}/edit`, 'drafter', 'catalog-edit')
    expect(await page.inputValue('#f-docNo')).toBe('榕房〔2026〕12号')
    await page.fill(
      '#f-body',
      '为规范住宅小区电梯维护保养服务，保障乘梯安全，现通知如下。\n一、依据《电梯维护保养规则》，维保单位应当每15日对电梯进行一次清洁、润滑、调整和检查。',
    )
    await page.click('button:has-text("保存草稿")')
    await page.waitForURL(new RegExp(`/console/catalog/${policyId}$`))
    expect(await page.innerText('.doc-body')).toContain('依据《电梯维护保养规则》')
    await page.click('button:has-text("提交审核")')
    expect(await page.innerText('.doc-status')).toContain('处室负责人审核')
  })

  it('every reviewer finds what waits at their step in their queue and approves it', async () => {
    const chain: [Person, string, string[]][] = [
      ['dept', '内容属实，同意报分管领导', [POLICY]],
      ['leader', '同意', [POLICY, READING]],
      ['secrecy', '经审查不涉及国家秘密', [POLICY, READING]],
    ]
    for (const [who, comment, waiting] of chain) {
      const page = pages[who]
      await page.goto(`${base}/console/catalog`)
      const queue = await page.innerText('#awaiting')
      for (const title of waiting) expect(queue, who).toContain(title)
      for (const title of waiting) {
        await page.goto(`${base}/console/catalog`)
        await page.click(`#awaiting a:text-is("${title}")`)
        await page.fill('#comment', comment)
        await page.click('button[value="approve"]')
        expect(await page.innerText('.review-record')).toContain(comment)
      }
      await page.goto(`${base}/console/catalog`)
      expect(await page.innerText('main'), who).toContain('没有待您审核的信息')
    }
  })

  it('the office publishes the policy, and its interpretation goes out with it', async () => {
    const page = pages.office
    await page.goto(`${base}/console/catalog`)
    const waiting = await page.innerText('#to-publish')
    expect(waiting).toContain(POLICY)
    expect(waiting).toContain(READING)
    await look('/console/catalog', 'office', 'catalog-queue-office')
    await page.click(`#to-publish a:text-is("${POLICY}")`)
    await page.click('button:text-is("发布")')
    expect(await page.innerText('.doc-status')).toContain(`已发布，发布日期：${today}`)
    await page.goto(`${base}/console/catalog/${readingId}`)
    expect(await page.innerText('.doc-status')).toContain('已发布')
  })

  it('the 保密审查表 shows every step with who did it, in which role, and when', async () => {
    const page = pages.office
    await page.goto(`${base}/console/catalog/${policyId}/record`)
    await look(`/console/catalog/${policyId}/record`, 'office', 'catalog-record')
    await look(`/console/catalog/${policyId}`, 'office', 'catalog-published')
    const record = await page.innerText('.review-record')
    for (const line of [
      '起草',
      '处室负责人审核：退回',
      '第一条维保周期应写明依据',
      '修改',
      '处室负责人审核：同意',
      '分管领导审核：同意',
      '保密审查：同意',
      '经审查不涉及国家秘密',
      '发布',
    ])
      expect(record).toContain(line)
    for (const p of Object.values(PEOPLE)) expect(record).toContain(p.name)
    expect(record).toContain('保密审查）')
    expect(record).toMatch(/2\d{3}-\d{2}-\d{2} \d{2}:\d{2}/)
  })

  it('the public finds the policy from the portal home, in its column, in search, with its interpretation and file', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}/`)
    await page.click(`a[href="/xxgk/${agency.code}"]`)
    await page.click(`a:has-text("法定主动公开内容")`)
    expect(await page.innerText('main')).toContain(POLICY)
    await page.goto(`${base}/search?q=${encodeURIComponent('电梯维保')}`)
    expect(await page.innerText('main')).toContain(POLICY)
    await page.click(`main a[href="/documents/${policyId}"]`)
    const text = await page.innerText('main')
    expect(text).toContain('依据《电梯维护保养规则》')
    expect(text).toContain('榕房〔2026〕12号')
    expect(text).toContain(READING)
    const href = await page.getAttribute('a:has-text("电梯维保服务标准.pdf")', 'href')
    const file = await fetch(`${base}${href}`)
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/pdf'])
    await context.close()
  })

  it('every console page touched has no serious or critical axe finding and fits 390 px (screenshots)', () => {
    expect(found).toEqual([])
  })
})
