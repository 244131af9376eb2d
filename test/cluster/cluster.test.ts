import type { ChildProcess } from 'node:child_process'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import type { Store } from '../../src/store/database.js'
import { ensurePgUser, migrate, openStore } from '../../src/store/database.js'
import { makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'
import { pgAvailable } from '../support/engines.js'

const PG_URL = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
const haproxy = (() => {
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const required = process.env.GONGKAI_REQUIRE_PG === '1'
const run = (pgAvailable && haproxy) || required ? describe : describe.skip

/** A client of one address keeping its cookies and the CSRF token of the last page, as a browser would. */
class Client {
  cookies = new Map<string, string>()
  csrf = ''
  async send(url: string, init: RequestInit = {}): Promise<{ status: number; body: string; location: string | null }> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';')
      const i = pair.indexOf('=')
      if (i > 0) this.cookies.set(pair.slice(0, i), pair.slice(i + 1))
    }
    const body = await res.text()
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf
    return { status: res.status, body, location: res.headers.get('location') }
  }
  post(url: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ ...fields, _csrf: this.csrf }).toString()
    return this.send(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }
}

run('two instances behind HAProxy on one PostgreSQL', () => {
  const name = `city_cluster_${process.pid}`
  const port = 3300 + (process.pid % 500) * 3
  const [proxy, one, two] = [port, port + 1, port + 2].map((p) => `http://127.0.0.1:${p}`)
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cluster-'))
  let cluster: ChildProcess | undefined
  let store: Store
  let agency: { id: number; code: string }
  let docId = 0
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_URL })
    await c.connect()
    await c.query(q).finally(() => c.end())
  }

  beforeAll(async () => {
    ensurePgUser()
    await admin(`drop database if exists ${name}`)
    await admin(`create database ${name}`)
    const url = new URL(PG_URL)
    url.pathname = `/${name}`
    store = await openStore(url.toString())
    await migrate(store)
    const today = '2026-03-02' as CalendarDay
    const a = await makeAgency(store)
    agency = a
    docId = await makeDraft(store, a, { title: '关于集群部署测试公开文件的通知' }, today)
    await reviewAndPublish(store, docId, today)
    await createUser({
      store,
      actor: systemActor('test'),
      username: 'cluster-office',
      displayName: '集群 公开办 周明',
      password: 'Cluster#Password2026',
      roles: ['office'],
      agencyId: a.id,
      mustChangePassword: false,
    })
    cluster = spawn('scripts/cluster.sh', [], {
      env: {
        ...process.env,
        GONGKAI_DB: url.toString(),
        CLUSTER_DIR: dir,
        CLUSTER_DEMO: '0',
        CLUSTER_PROXY_PORT: String(port),
        GONGKAI_SCHEDULER_TICK_MS: '300',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await new Promise<void>((resolve, reject) => {
      let out = ''
      cluster?.stdout?.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('集群已启动')) resolve()
      })
      cluster?.on('exit', (code) => reject(new Error(`cluster.sh exited ${code}: ${out}`)))
    })
  }, 180_000)

  afterAll(async () => {
    if (cluster?.pid) {
      const exited = new Promise((r) => cluster?.once('exit', r))
      cluster.kill('SIGTERM')
      await exited
    }
    await store?.close()
    await admin(`drop database if exists ${name}`)
  }, 60_000)

  it('answers through the proxy from both instances', async () => {
    const c = new Client()
    for (let i = 0; i < 4; i++) expect((await c.send(`${proxy}/healthz`)).status).toBe(200)
    expect((await c.send(`${one}/healthz`)).status).toBe(200)
    expect((await c.send(`${two}/healthz`)).status).toBe(200)
  })

  it('keeps a session made on one instance valid on the other', async () => {
    const c = new Client()
    await c.send(`${one}/console/login`)
    const login = await c.post(`${one}/console/login`, {
      username: 'cluster-office',
      password: 'Cluster#Password2026',
      next: '/console',
    })
    expect(login.status).toBe(303)
    const there = await c.send(`${two}/console`)
    expect(there.status).toBe(200)
    expect(there.body).toContain('集群 公开办 周明')
  })

  it('shows a catalog change made through one instance on a page the other had cached', async () => {
    const page = `${two}/xxgk/${agency.code}/statutory`
    const reader = new Client()
    expect((await reader.send(page)).body).toContain('关于集群部署测试公开文件的通知')
    expect((await reader.send(page)).body).toContain('关于集群部署测试公开文件的通知')
    const office = new Client()
    await office.send(`${one}/console/login`)
    await office.post(`${one}/console/login`, {
      username: 'cluster-office',
      password: 'Cluster#Password2026',
      next: '/console',
    })
    await office.send(`${one}/console/catalog/${docId}`)
    const withdrawn = await office.post(`${one}/console/catalog/${docId}/withdraw`, { reason: '内容已过时，予以撤回' })
    expect(withdrawn.status).toBeLessThan(400)
    expect((await reader.send(page)).body).not.toContain('关于集群部署测试公开文件的通知')
  })

  it('runs the reminder job once a day across both instances', async () => {
    // both instances tick every 300 ms; give them a few ticks each
    await new Promise((r) => setTimeout(r, 3000))
    const runs = await store.db.selectFrom('job_runs').selectAll().where('job', '=', 'reminders').execute()
    expect(runs).toHaveLength(1)
    const logs = ['instance1.log', 'instance2.log'].map((f) => readFileSync(join(dir, f), 'utf8'))
    const fired = logs.map((l) => l.split('\n').filter((line) => line.includes('job reminders')).length)
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1)
    // and each instance did tick (the one that did not run the job found the day claimed)
    expect(runs[0]?.finished_at).not.toBeNull()
  })
})
