import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { describeEachEngine } from '../support/engines.js'
import type { Agent } from '../auth/support.js'
import { get, makeUsers, makeWorld, signIn, testApp } from '../auth/support.js'

// Issue 13 point 6: the catalog queue's page number is read by the route's schema; a wrong one is a Chinese
// 400 page naming the list, a page past the end an empty page that still says how many items there are.

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describeEachEngine('the catalog queue’s page number', (getStore, engine) => {
  let app: FastifyInstance
  let handler: Agent

  beforeAll(async () => {
    const store = getStore()
    const w = await makeWorld(store)
    const users = await makeUsers(store, w, `cqp${engine}`)
    app = await testApp(store)
    handler = await signIn(app, users.handler)
  })

  it('?page=abc answers 400 with an HTML page saying in Chinese that the page number is not a number', async () => {
    const res = await get(app, handler, '/console/catalog?page=abc')
    expect(res.statusCode).toBe(400)
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/)
    expect(textOf(res.body)).toContain('「全部信息」的页码应为数字')
    expect(res.body).not.toMatch(/Invalid input|expected number|received NaN/)
  })

  it('?page=0 is refused too: pages start at 1', async () => {
    const res = await get(app, handler, '/console/catalog?page=0')
    expect(res.statusCode).toBe(400)
    expect(textOf(res.body)).toContain('「全部信息」的页码应从 1 开始')
  })

  it('a page past the end is an ordinary page with the count, not an error', async () => {
    const res = await get(app, handler, '/console/catalog?page=7')
    expect(res.statusCode).toBe(200)
    const text = textOf(res.body)
    expect(text).toContain('全部信息（共 0 条）')
    expect(text).toContain('第 7 / 1 页')
    expect(text).not.toContain('显示第')
    // 上一页 leads back to the last page that has rows
    expect(res.body).toContain('href="/console/catalog#all-h"')
  })
})
