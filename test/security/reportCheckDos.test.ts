import type { FastifyInstance } from 'fastify'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tokenizeHtml } from '../../src/audit/html.js'
import { MAX_HTML_NODES } from '../../src/audit/htmlTree.js'
import type { Store } from '../../src/store/database.js'
import { testApp } from '../auth/support.js'
import { freshStore } from '../support/engines.js'

// Issue 15 finding 1: one anonymous request to /report-check froze the server (203 KB of nested <div> blocked
// the event loop 10.9 s and answered 500; 0.9 MB stopped /healthz for 14 minutes). The page is read on a worker
// thread with a time budget, by a reader whose cost does not grow with nesting.

const nestedDivs = (bytes: number) => {
  const n = Math.floor(bytes / 11)
  return `<div>`.repeat(n) + '本年新收政府信息公开申请数量' + `</div>`.repeat(n)
}

function multipart(fields: Record<string, string>): { body: Buffer; type: string } {
  const boundary = '----gongkaiDosBoundary'
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  )
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    type: `multipart/form-data; boundary=${boundary}`,
  }
}

describe('the HTML reader', () => {
  it('reads 1 MB of nested <div> in one pass, without a recursion to overflow', () => {
    const tokens = tokenizeHtml(nestedDivs(1024 * 1024))
    expect(tokens.map((t) => (t.kind === 'num' ? t.digits : t.text)).join('')).toContain('本年新收')
  })

  it('refuses a page past its node budget, in Chinese', () => {
    expect(() => tokenizeHtml('<p>'.repeat(MAX_HTML_NODES + 1))).toThrow(/网页结构过于复杂/)
  })
})

describe('/report-check on a hostile page (the DoS probe)', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let base: string

  beforeAll(async () => {
    store = await freshStore('sqlite')
    app = await testApp(store)
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    delete process.env.GONGKAI_REPORT_CHECK_BUDGET_MS
    await app.close()
    await store.drop()
  })

  /** Posts `text` as the paste box does, with the form's cookie and token. */
  async function paste(text: string): Promise<{ status: number; body: string; ms: number }> {
    const page = await fetch(`${base}/report-check`)
    const cookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
    const { body, type } = multipart({ _csrf: csrf, text })
    const t = performance.now()
    const res = await fetch(`${base}/report-check`, {
      method: 'POST',
      headers: { cookie, 'content-type': type, accept: 'text/html' },
      body: new Uint8Array(body),
    })
    return { status: res.status, body: await res.text(), ms: performance.now() - t }
  }

  it('1 MB of nested <div> answers within 5 s, and /healthz answers within 100 ms all the while', async () => {
    // a warm server: the first answers of a fresh process are slow for reasons of their own (compiling)
    for (let i = 0; i < 5; i++) await (await fetch(`${base}/healthz`)).text()
    let done = false
    const healthz: number[] = []
    const probe = (async () => {
      while (!done) {
        const t = performance.now()
        const res = await fetch(`${base}/healthz`)
        await res.text()
        healthz.push(performance.now() - t)
        expect(res.status).toBe(200)
        await new Promise((r) => setTimeout(r, 20))
      }
    })()
    const answer = await paste(nestedDivs(1024 * 1024))
    done = true
    await probe
    console.info(
      `report-check answered ${answer.status} in ${Math.round(answer.ms)} ms; /healthz ${healthz.length} times, slowest ${Math.round(Math.max(...healthz))} ms`,
    )
    expect(answer.ms).toBeLessThan(5000)
    expect(answer.status).toBeLessThan(500)
    expect(answer.body).toContain('年报体检')
    expect(healthz.length).toBeGreaterThan(3)
    // every answer within 100 ms on a quiet machine; on a shared one (load 20+ on 2 cores while this was written)
    // a thread descheduled for a moment is no blocked event loop (before the fix: a 500 after the loop was held
    // for seconds, and no /healthz answer for minutes at 0.9 MB), so the 95th percentile is held to 100 ms and
    // the slowest single answer to 1 s
    const sorted = [...healthz].sort((a, b) => a - b)
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Infinity
    console.info(`/healthz p95 ${Math.round(p95)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`)
    expect(p95).toBeLessThan(100)
    expect(sorted.at(-1)).toBeLessThan(1000)
  }, 30_000)

  it('a page past the time budget answers 422 in Chinese, and the server keeps serving', async () => {
    process.env.GONGKAI_REPORT_CHECK_BUDGET_MS = '1'
    const answer = await paste(nestedDivs(512 * 1024))
    delete process.env.GONGKAI_REPORT_CHECK_BUDGET_MS
    expect(answer.status).toBe(422)
    expect(answer.body).toContain('检查超时')
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    // the pool recovers: the next report is read as usual
    const next = await paste('<table><tr><td>本年新收政府信息公开申请数量</td><td>3</td></tr></table>')
    expect(next.status).toBe(200)
  }, 30_000)
})
