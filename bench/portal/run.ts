// Portal benchmark (issue 6), not a test: requests per second of a document page and a column page of the demo
// catalog, against a bare Fastify route returning the same number of bytes, measured in one run with autocannon
// on loopback.   node --import tsx bench/portal/run.ts [--seconds 10] [--connections 10]
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
const paths = { document: `/documents/${doc.id}`, column: `/xxgk/${fuzhou?.code}/policy` }

// the bare baseline: the same number of bytes, from memory
const bare = Fastify({ logger: false })
const sizes: Record<string, number> = {}
for (const [name, path] of Object.entries(paths)) {
  const res = await fetch(`${appBase}${path}`)
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  const body = Buffer.from(await res.arrayBuffer())
  sizes[name] = body.length
  bare.get(`/${name}`, async (_req, reply) => reply.type('text/html; charset=utf-8').send(body))
}
await bare.listen({ port: 0, host: '127.0.0.1' })
const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`

async function rps(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS })
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx }
}

process.stdout.write(
  `portal benchmark: ${SECONDS} s per run, ${CONNECTIONS} connections, loopback, SQLite (demo catalog)\n`,
)
for (const [name, path] of Object.entries(paths)) {
  const b = await rps(`${bareBase}/${name}`)
  const a = await rps(`${appBase}${path}`)
  process.stdout.write(
    `${name.padEnd(9)} ${String(sizes[name]).padStart(6)} bytes | bare ${b.rps.toFixed(0)} req/s (p99 ${b.p99} ms) | app ${a.rps.toFixed(0)} req/s (p99 ${a.p99} ms, errors ${a.errors}) | app/bare ${((a.rps / b.rps) * 100).toFixed(0)} %\n`,
  )
}
await app.close()
await bare.close()
await store.close()
