import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, TestRole, World } from '../auth/support.js'
import { anonymous, cookieHeader, makeUsers, makeWorld, signIn, testApp } from '../auth/support.js'

// Issue 13 acceptance, the route table: every console route answers a browser with HTML (never a JSON body),
// and every /api/ route answers JSON, whoever asks and whether the request succeeds or is refused.

type Who = 'anonymous' | TestRole
const ASKERS: Who[] = ['anonymous', 'sysAdmin', 'handler', 'supervisor']

/** A concrete path for a route pattern: a real case for a case route, otherwise ids that match nothing. */
function pathOf(url: string, w: World): string {
  const withCase = url.startsWith('/console/applications/:id') ? url.replace(':id', String(w.caseA1)) : url
  return withCase.replace(/:[A-Za-z]+/g, '999999')
}

const contentType = (res: { headers: Record<string, unknown> }) => String(res.headers['content-type'] ?? '')

describeEachEngine('the route table answers people in HTML and programs in JSON', (getStore, engine) => {
  let app: FastifyInstance
  let w: World
  const agents = new Map<Who, Agent>()

  beforeAll(async () => {
    const store = getStore()
    w = await makeWorld(store)
    const users = await makeUsers(store, w, `routes${engine}`)
    app = await testApp(store)
    agents.set('anonymous', await anonymous(app))
    for (const who of ASKERS) if (who !== 'anonymous') agents.set(who, await signIn(app, users[who]))
  })

  /** What a browser sends: a page request, or a form post with the page's CSRF token. */
  async function browse(method: string, url: string, who: Who) {
    const agent = agents.get(who) as Agent
    const headers = { cookie: cookieHeader(agent), accept: 'text/html,application/xhtml+xml' }
    if (method === 'GET') return app.inject({ url, headers })
    return app.inject({
      method: method as 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: agent.csrf }).toString(),
    })
  }

  it('every console route answers a browser with HTML, never a JSON body', async () => {
    // signing out would end the askers' sessions halfway (it answers with a redirect to the login page)
    const routes = app.declaredRoutes.filter(
      (r) => (r.url === '/console' || r.url.startsWith('/console/')) && r.url !== '/console/logout',
    )
    expect(routes.length).toBeGreaterThan(20)
    const wrong: string[] = []
    for (const r of routes) {
      for (const who of ASKERS) {
        const res = await browse(r.method, pathOf(r.url, w), who)
        const type = contentType(res)
        // a success may be a download (a letter, a ledger, an applicant's data as JSON: a file the browser saves,
        // named by content-disposition); a refusal or an error is always a page, and no answer is bare JSON
        const download = res.statusCode < 400 && /^attachment;/.test(String(res.headers['content-disposition'] ?? ''))
        const json = !download && (type.includes('json') || /^\s*[{[]/.test(res.body))
        const page = res.statusCode < 400 || type.startsWith('text/html')
        if (json || !page) wrong.push(`${r.method} ${r.url} as ${who}: ${res.statusCode} ${type}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('every /api/ route answers JSON, even to a browser and even when it refuses', async () => {
    // issue 18: /api/docs is the API's documentation, a page for people (its document is /api/openapi.json)
    const routes = app.declaredRoutes.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/docs')
    expect(routes.length).toBeGreaterThan(0)
    const wrong: string[] = []
    for (const r of routes) {
      for (const who of ASKERS) {
        const res = await browse(r.method, pathOf(r.url, w), who)
        if (!contentType(res).startsWith('application/json'))
          wrong.push(`${r.method} ${r.url} as ${who}: ${res.statusCode} ${contentType(res)}`)
        else expect(() => JSON.parse(res.body) as unknown).not.toThrow()
      }
    }
    expect(wrong).toEqual([])
  })

  it('a refusal in the console is a page in Chinese: 403 for a case out of the handler’s scope', async () => {
    const res = await browse('GET', `/console/applications/${w.caseB}`, 'handler')
    expect(res.statusCode).toBe(403)
    expect(contentType(res)).toMatch(/^text\/html/)
    expect(res.body).toContain('无权访问该申请')
    expect(res.body).toContain('lang="zh-CN"')
  })
})
