// Portal benchmark (issue 6), not a test: requests per second of a document page and a column page of the demo
// catalog, against a bare Fastify route returning the same number of bytes, measured in one run with autocannon
// on loopback.   nice -n 10 node --import tsx bench/portal/run.ts [--seconds 10] [--connections 10]
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { migrate, openStore } from '../../src/store/database.js'
import { createAgency, findAgency } from '../../src/services/agencies.js'
import { loadCatalogDemo } from '../../src/services/demo/catalogDemo.js'
import { FUZHOU, QUZHOU } from '../../src/services/demo/loadDemo.js'
import { buildApp } from '../../src/web/app.js'

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const SECONDS = arg('seconds', 10)
const CONNECTIONS = arg('connections', 10)
const today = '2026-11-24' as CalendarDay

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-portal-'))
const store = await openStore(`sqlite:${join(dir, 'g.db')}`)
await migrate(store)
for (const a of [QUZHOU, FUZHOU]) await createAgency(store, a)
await loadCatalogDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code })
const fuzhou = await findAgency(store, FUZHOU.code)
const doc = await store.db
  .selectFrom('documents')
  .select('id')
  .where('doc_no', '=', '榕房〔2020〕93号')
  .executeTakeFirstOrThrow()

const app = await buildApp({ store, today: () => today })
await app.listen({ port: 0, host: '127.0.0.1' })
const appBase = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
// healthz: the app's most trivial route, i.e. the ceiling the app-wide hooks (session cookie, permission check,
// security headers) leave for any page
const paths = { document: `/documents/${doc.id}`, column: `/xxgk/${fuzhou?.code}/policy`, healthz: '/healthz' }

// the bare baseline: the same number of bytes, from memory
const bare = Fastify({ logger: false })
const sizes: Record<string, number> = {}
for (const [name, path] of Object.entries(paths)) {
  const res = await fetch(`${appBase}${path}`)
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  const body = Buffer.from(await res.arrayBuffer())
  sizes[name] = body.length
  const type = res.headers.get('content-type') ?? 'text/html; charset=utf-8'
  bare.get(`/${name}`, async (_req, reply) => reply.type(type).send(body))
}
await bare.listen({ port: 0, host: '127.0.0.1' })
const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`

async function rps(url: string, seconds: number): Promise<{ rps: number; p99: number; errors: number }> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds })
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx }
}

// The machine is shared: bare and app alternate in short slices so both see the same load over the run.
const ROUNDS = 5
process.stdout.write(
  `portal benchmark: ${SECONDS} s per route (${ROUNDS} alternating slices), ${CONNECTIONS} connections, loopback, SQLite (demo catalog)\n`,
)
for (const [name, path] of Object.entries(paths)) {
  const b: number[] = []
  const a: number[] = []
  let errors = 0
  let p99 = 0
  for (let round = 0; round < ROUNDS; round++) {
    b.push((await rps(`${bareBase}/${name}`, SECONDS / ROUNDS)).rps)
    const r = await rps(`${appBase}${path}`, SECONDS / ROUNDS)
    a.push(r.rps)
    errors += r.errors
    p99 = Math.max(p99, r.p99)
  }
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length
  process.stdout.write(
    `${name.padEnd(9)} ${String(sizes[name]).padStart(6)} bytes | bare ${mean(b).toFixed(0)} req/s | app ${mean(a).toFixed(0)} req/s (max p99 ${p99} ms, errors ${errors}) | app/bare ${((mean(a) / mean(b)) * 100).toFixed(0)} % (slices: ${a.map((x, i) => `${((x / (b[i] as number)) * 100).toFixed(0)}`).join(' ')})\n`,
  )
}
await app.close()
await bare.close()
await store.close()
