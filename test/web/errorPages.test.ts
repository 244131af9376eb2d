import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { z } from 'zod'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, World } from '../auth/support.js'
import { anonymous, get, makeUsers, makeWorld, postForm, signIn, TODAY } from '../auth/support.js'

const isHtml = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['content-type']).startsWith('text/html')

/** The visible text of a page (tags dropped), to check what a person reads. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describeEachEngine('errors a person can read (issue 13 point 5)', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store
  let w: World
  const logged: string[] = []
  let handler: Agent

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    const users = await makeUsers(store, w, `errp${engine}`)
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged.push(chunk.toString())
        done()
      },
    })
    app = await buildApp({ store, today: () => TODAY }, { logger: { level: 'error', stream } })
    // a route that breaks the way an unexpected bug does
    app.get('/boom', { config: { permission: 'public' } }, () => {
      throw new Error('secret internal detail: at Object.<anonymous> (/srv/app.js:1:1)')
    })
    app.get('/api/boom', { config: { permission: 'public' } }, () => {
      throw new Error('secret internal detail')
    })
    // a query string read by a schema that writes no message of its own (zod's zh-CN locale answers)
    app.get(
      '/year-test',
      { schema: { querystring: z.object({ year: z.coerce.number().int() }) }, config: { permission: 'public' } },
      () => 'ok',
    )
    await app.ready()
    handler = await signIn(app, users.handler)
  })

  it('an unknown page is a Chinese 404 page, never fastify’s English JSON', async () => {
    const res = await app.inject({ url: '/nonexistent', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(404)
    expect(isHtml(res)).toBe(true)
    expect(textOf(res.body)).toContain('未找到页面')
    expect(res.body).not.toContain('Route GET:/nonexistent not found')
    expect(res.body).toContain('<a href="/">返回首页</a>')
  })

  it('an unknown console page is a 404 page linking back to the console', async () => {
    const res = await get(app, handler, '/console/nonexistent')
    expect(res.statusCode).toBe(404)
    expect(isHtml(res)).toBe(true)
    expect(res.body).toContain('href="/console"')
  })

  it('under /api/ an unknown path answers JSON in Chinese', async () => {
    const res = await app.inject({ url: '/api/nonexistent', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: '未找到页面', code: 'NOT_FOUND' })
  })

  it('a handler opening a case of another department gets a 403 page in Chinese', async () => {
    const res = await get(app, handler, `/console/applications/${w.caseA2}`)
    expect(res.statusCode).toBe(403)
    expect(isHtml(res)).toBe(true)
    expect(textOf(res.body)).toContain('无权访问')
    expect(textOf(res.body)).toContain('无权访问该申请')
    expect(res.body).not.toContain('{"error"')
  })

  it('an anonymous visitor is sent to sign in, and a form posted without a session gets a Chinese page', async () => {
    const page = await app.inject({ url: `/console/applications/${w.caseA1}`, headers: { accept: 'text/html' } })
    expect(page.statusCode).toBe(302)
    expect(page.headers.location).toBe(`/console/login?next=${encodeURIComponent(`/console/applications/${w.caseA1}`)}`)
    const a = await anonymous(app)
    const post = await postForm(app, a, `/console/applications/${w.caseA1}/act`, { kind: 'feePaid' })
    expect(post.statusCode).toBe(401)
    expect(isHtml(post)).toBe(true)
    expect(textOf(post.body)).toContain('请先登录')
    expect(post.body).toContain('href="/console/login"')
  })

  it('a form posted without its CSRF token gets a 403 page that says why', async () => {
    const res = await postForm(app, handler, `/console/applications/${w.caseA1}/act`, { kind: 'feePaid' }, '')
    expect(res.statusCode).toBe(403)
    expect(isHtml(res)).toBe(true)
    expect(textOf(res.body)).toContain('CSRF 校验未通过')
  })

  it('a bad query string is a 400 page naming the field in Chinese', async () => {
    const res = await get(app, handler, '/console/applications/abc')
    expect(res.statusCode).toBe(400)
    expect(isHtml(res)).toBe(true)
    expect(res.body).not.toMatch(/Invalid input|expected|received/)
    expect(textOf(res.body)).toContain('提交的内容有误')
  })

  it('zod’s own message for a number that is not one names the field in Chinese', async () => {
    const res = await app.inject({ url: '/year-test?year=abc', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(400)
    expect(isHtml(res)).toBe(true)
    expect(textOf(res.body)).toContain('「年份」应为数字')
  })

  it('/search?q=住房&year=abc is never answered in English', async () => {
    const res = await app.inject({ url: `/search?q=${encodeURIComponent('住房')}&year=abc` })
    expect(isHtml(res)).toBe(true)
    expect(res.body).not.toMatch(/Invalid input|expected number|received NaN|实际接收/)
    expect(textOf(res.body)).toContain('发布年份应为四位数字')
  })

  it('a 500 shows an incident id and no stack trace; the id is logged with the error', async () => {
    const res = await app.inject({ url: '/boom', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(500)
    expect(isHtml(res)).toBe(true)
    expect(textOf(res.body)).toContain('系统错误')
    expect(res.body).not.toContain('secret internal detail')
    expect(res.body).not.toContain('/srv/app.js')
    const incident = /事件编号：<strong>([A-Z0-9]+)<\/strong>/.exec(res.body)?.[1] ?? ''
    expect(incident).toMatch(/^[A-Z0-9]{10}$/)
    const line = logged.find((l) => l.includes(incident))
    expect(line).toBeDefined()
    expect(line).toContain('secret internal detail')
  })

  it('a 500 under /api/ is JSON with the incident id and no detail', async () => {
    const res = await app.inject({ url: '/api/boom' })
    expect(res.statusCode).toBe(500)
    const body = res.json() as { error: string; code: string; incident: string }
    expect(body).toMatchObject({ error: '系统错误，请稍后重试', code: 'INTERNAL' })
    expect(logged.some((l) => l.includes(body.incident))).toBe(true)
    expect(res.body).not.toContain('secret')
  })
})
