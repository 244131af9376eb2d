import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { browserAvailable, serveToBrowser } from '../support/browser.js'
import { freshStore } from '../support/engines.js'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { createSession } from '../../src/services/accounts/sessions.js'
import type { Role } from '../../src/domain/auth/roles.js'
import { addAttachment } from '../../src/services/catalog/attachments.js'
import { localDiskStorage } from '../../src/services/catalog/attachmentStorage.js'
import { makeAgency, makeDraft } from '../catalog/factories.js'
import { PDF, attachmentDir, today } from '../portal/world.js'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
// screenshots go where GONGKAI_SCREENSHOT_DIR says (the closing note's shots/), else to the temporary directory
const SCREENSHOT = `${process.env.GONGKAI_SCREENSHOT_DIR ?? tmpdir()}/`

describe.skipIf(!browserAvailable)('publishing through the review chain, seen in Chromium', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let closeServed: (() => Promise<void>) | undefined
  let agency: Awaited<ReturnType<typeof makeAgency>>
  const sessions: Partial<Record<Role, string>> = {}
  let docId: number
  let fileId: number
  const title = '关于进一步规范住宅物业服务收费的通知'

  beforeAll(async () => {
    attachmentDir()
    store = await freshStore('sqlite')
    agency = await makeAgency(store)
    const people: [Role, string][] = [
      ['handler', '王科员'],
      ['reviewerDept', '处长张伟'],
      ['reviewerLeader', '副局长陈军'],
      ['reviewerSecrecy', '保密办刘芳'],
      ['office', '公开办李明'],
    ]
    const dept = await store.db
      .insertInto('departments')
      .values({ agency_id: agency.id, name: '物业处' })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [role, displayName] of people) {
      const userId = await createUser({
        store: store,
        actor: systemActor('test'),
        username: `u_${role}`,
        displayName,
        password: 'Gk-Test-2026!x',
        roles: [role],
        agencyId: agency.id,
        departmentIds: role === 'handler' ? [dept.id] : [],
        mustChangePassword: false,
      })
      sessions[role] = await createSession(store.db, userId, { ip: '127.0.0.1', userAgent: 'test' })
    }
    docId = await makeDraft(store, agency, { genre: '规范性文件' })
    fileId = await addAttachment(
      store,
      localDiskStorage(),
      docId,
      { name: '收费标准.pdf', bytes: PDF },
      { name: '王科员', role: 'handler' },
      today,
    )
    app = await buildApp({ store, today: () => today })
    ;({ base, browser, close: closeServed } = await serveToBrowser(app))
  })
  afterAll(async () => {
    await closeServed?.()
    await store?.drop()
  })

  async function as(role: Role): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext()
    await context.addCookies([{ name: 'gk_session', value: sessions[role] as string, url: base }])
    return { context, page: await context.newPage() }
  }

  async function publicPage(path: string): Promise<{ status: number; text: string; body: string }> {
    const context = await browser.newContext()
    const page = await context.newPage()
    const res = await page.goto(`${base}${path}`)
    const out = {
      status: res?.status() ?? 0,
      text: await page.innerText('body').catch(() => ''),
      body: (await res?.text()) ?? '',
    }
    await context.close()
    return out
  }

  const everywhere = (id: number) => [
    `/xxgk/${agency.code}/statutory`,
    `/search?q=${encodeURIComponent('物业')}`,
    `/search?q=${encodeURIComponent('榕房〔2020〕93号')}`,
    `/feeds/${agency.code}/statutory.atom`,
    '/sitemap.xml',
    `/documents/${id}`,
  ]

  it('a document goes through every review step and is published', async () => {
    const steps: [Role, string][] = [
      ['reviewerDept', '内容属实，同意报分管领导'],
      ['reviewerLeader', '同意'],
      ['reviewerSecrecy', '经审查不涉及国家秘密'],
    ]
    const drafter = await as('handler')
    await drafter.page.goto(`${base}/console/catalog/${docId}`)
    await drafter.page.click('button:has-text("提交审核")')
    expect(await drafter.page.innerText('.doc-status')).toContain('处室负责人审核')
    await drafter.context.close()
    for (const [role, comment] of steps) {
      const { context, page } = await as(role)
      await page.goto(`${base}/console/catalog/${docId}`)
      await page.fill('#comment', comment)
      await page.click('button[value="approve"]')
      expect(await page.innerText('.review-record')).toContain(comment)
      await context.close()
    }
    const office = await as('office')
    await office.page.goto(`${base}/console/catalog/${docId}`)
    expect(await office.page.innerText('.doc-status')).toContain('审核通过，待发布')
    await office.page.click('button:has-text("发布")')
    const status = await office.page.innerText('.doc-status')
    expect(status).toContain('已发布')
    const record = await office.page.innerText('.review-record')
    for (const name of ['处长张伟', '副局长陈军', '保密办刘芳', '公开办李明']) expect(record).toContain(name)
    expect(record).toContain(today)
    await office.context.close()
  })

  it('the published document appears in its column, in search by a two-character word and by its 文号, in the feed and the sitemap', async () => {
    for (const path of everywhere(docId)) {
      const r = await publicPage(path)
      expect(r.status, path).toBe(200)
      const shown =
        r.body.replace(/<[^>]+>/g, '').includes(title) || new RegExp(`/documents/${docId}(?![0-9])`).test(r.body)
      expect(shown, path).toBe(true)
    }
    // a download is not a page: fetched over HTTP
    const file = await fetch(`${base}/documents/${docId}/files/${fileId}`)
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/pdf'])
  })

  it('the document page shows the metadata box like the 衢州 header (screenshot)', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/documents/${docId}`)
    const box = await page.innerText('.meta-box')
    for (const field of ['索引号', '成文日期', '公开方式', '组配分类', '发布机构', '发布日期', '信息来源', '浏览次数'])
      expect(box).toContain(field)
    expect(box).toContain(`${agency.code}/2026-00001`)
    await page.screenshot({ path: `${SCREENSHOT}issue6-document.png`, fullPage: true })
    await page.goto(`${base}/a11y?mode=elder&back=${encodeURIComponent(`/documents/${docId}`)}`)
    expect(await page.getAttribute('body', 'class')).toBe('elder')
    await page.screenshot({ path: `${SCREENSHOT}issue6-document-elder.png`, fullPage: false })
    await context.close()
  })

  it('axe-core finds no serious or critical violation on the home, column, document and search pages', async () => {
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    const found: string[] = []
    for (const [name, path] of [
      ['home', '/'],
      ['column', `/xxgk/${agency.code}/statutory`],
      ['document', `/documents/${docId}`],
      ['search', `/search?q=${encodeURIComponent('物业')}`],
    ] as const) {
      await page.goto(`${base}${path}`)
      if (name !== 'document') await page.screenshot({ path: `${SCREENSHOT}issue6-${name}.png`, fullPage: true })
      await page.evaluate(axeSource)
      const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
        violations: { id: string; impact: string; nodes: unknown[] }[]
      }
      for (const v of result.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(`${path}: ${v.id} (${v.impact}, ${v.nodes.length})`)
    }
    await context.close()
    expect(found).toEqual([])
  })

  it('after withdrawal it is gone from all of them and its attachment URL answers 404', async () => {
    const office = await as('office')
    await office.page.goto(`${base}/console/catalog/${docId}`)
    await office.page.fill('#reason', '收费标准已调整，原文件撤回')
    await office.page.click('button:has-text("撤回")')
    expect(await office.page.innerText('.doc-status')).toContain('撤回理由：收费标准已调整')
    await office.context.close()
    for (const path of everywhere(docId)) {
      const r = await publicPage(path)
      expect(r.body.replace(/<[^>]+>/g, '').includes(title), path).toBe(false)
      expect(new RegExp(`/documents/${docId}(?![0-9])`).test(r.body), path).toBe(false)
    }
    expect((await publicPage(`/documents/${docId}`)).status).toBe(404)
    expect((await fetch(`${base}/documents/${docId}/files/${fileId}`)).status).toBe(404)
  })

  it('a returned document is visible only to staff', async () => {
    const id = await makeDraft(store, agency, {
      title: '物业专项维修资金使用管理办法（送审稿）',
      docNo: '榕房〔2020〕94号',
    })
    const drafter = await as('handler')
    await drafter.page.goto(`${base}/console/catalog/${id}`)
    await drafter.page.click('button:has-text("提交审核")')
    await drafter.context.close()
    const head = await as('reviewerDept')
    await head.page.goto(`${base}/console/catalog/${id}`)
    await head.page.fill('#comment', '第三条依据不足，请补充')
    await head.page.click('button[value="return"]')
    expect(await head.page.innerText('.doc-status')).toContain('已退回')
    await head.page.goto(`${base}/console/catalog`)
    expect(await head.page.innerText('main')).toContain('物业专项维修资金使用管理办法（送审稿）')
    await head.context.close()
    expect((await publicPage(`/documents/${id}`)).status).toBe(404)
    expect((await publicPage(`/search?q=${encodeURIComponent('维修资金')}`)).text).not.toContain('送审稿')
    const anonymous = await publicPage(`/console/catalog/${id}`)
    expect(anonymous.text).not.toContain('第三条依据不足')
  })
})
