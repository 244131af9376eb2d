/**
 * Load through the proxy with one instance killed (not a test): scripts/cluster.sh brings up two instances and
 * HAProxy on a fresh PostgreSQL database; online applications are posted through the proxy for DURATION
 * seconds; after KILL_AFTER seconds instance 1 is killed with SIGKILL. Then: every acknowledged application
 * (201 + query code) must be in the database, and the proxy must go on answering (from instance 2).
 *
 *   nice -n 10 npx tsx bench/cluster/killOne.ts      (DURATION=20 CONNECTIONS=20 KILL_AFTER=8 PORT=3400)
 *
 * Bounded and loopback only. Builds the server into a private directory (the shared dist/ is left alone).
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { createAgency } from '../../src/services/agencies.js'
import { ensurePgUser, migrate, openStore } from '../../src/store/database.js'
import { applicationBody, postApplications, storedCodes } from '../support/onlineSubmissions.js'

const DURATION = Number(process.env.DURATION ?? 20)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20)
const KILL_AFTER = Number(process.env.KILL_AFTER ?? 8)
const PORT = Number(process.env.PORT ?? 3400)
const PG_URL = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
const AGENCY = { name: '衢州市住房和城乡建设局', code: '113308000026188164' }
const OUT = 'dist-bench-cluster'

async function admin(q: string) {
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  await c.query(q).finally(() => c.end())
}

const body = (i: number) => applicationBody(AGENCY.code, '集群压测', i)

async function main() {
  ensurePgUser()
  const name = `bench_cluster_${process.pid}`
  await admin(`drop database if exists ${name}`)
  await admin(`create database ${name}`)
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  const store = await openStore(url.toString())
  await migrate(store)
  await createAgency(store, AGENCY)
  execFileSync('node', ['scripts/build.mjs', OUT], { stdio: 'inherit' })
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-killone-'))
  const cluster = spawn('scripts/cluster.sh', [], {
    env: {
      ...process.env,
      GONGKAI_DB: url.toString(),
      CLUSTER_DIR: dir,
      CLUSTER_DEMO: '0',
      CLUSTER_BIN: join(OUT, 'cli/main.js'),
      CLUSTER_PROXY_PORT: String(PORT),
      GONGKAI_APPLY_RATE_LIMIT: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    cluster.stdout.on('data', (d: Buffer) => d.toString().includes('集群已启动') && resolve())
    cluster.once('exit', (c) => reject(new Error(`cluster.sh exited ${c}`)))
  })
  const proxy = `http://127.0.0.1:${PORT}`
  const baseline = await autocannon({ url: `${proxy}/healthz`, connections: CONNECTIONS, duration: 5 })
  process.stdout.write(`baseline GET /healthz through the proxy (5 s): ${baseline.requests.average.toFixed(0)} req/s\n`)

  const victim = Number(readFileSync(join(dir, 'instance1.pid'), 'utf8'))
  const { run, acknowledged } = postApplications({ base: proxy, connections: CONNECTIONS, seconds: DURATION, body })
  let ackAtKill = 0
  setTimeout(() => {
    ackAtKill = acknowledged.length
    process.kill(victim, 'SIGKILL')
  }, KILL_AFTER * 1000)
  const r = await run
  process.stdout.write(
    `POST /api/public/applications through the proxy (${DURATION} s, ${CONNECTIONS} connections, instance 1 SIGKILLed after ${KILL_AFTER} s): ` +
      `${acknowledged.length} acknowledged (${ackAtKill} before the kill, ${acknowledged.length - ackAtKill} after); ` +
      `requests ${r.requests.total} (2xx ${r['2xx']}, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}); p99 ${r.latency.p99} ms\n`,
  )
  const present = await storedCodes(store.db, acknowledged)
  const missing = acknowledged.filter((c) => !present.has(c))
  let after = 0
  for (let i = 0; i < 50; i++) if ((await fetch(`${proxy}/healthz`)).ok) after++
  process.stdout.write(
    `acknowledged missing from the database: ${missing.length} of ${acknowledged.length}; ` +
      `after the kill the proxy answered ${after}/50 GET /healthz (instance 2 alone)\n`,
  )
  const exited = new Promise((res) => cluster.once('exit', res))
  cluster.kill('SIGTERM')
  await exited
  await store.close()
  await admin(`drop database if exists ${name}`)
  rmSync(dir, { recursive: true, force: true })
  rmSync(OUT, { recursive: true, force: true })
  if (missing.length || after < 50 || acknowledged.length - ackAtKill === 0) process.exitCode = 1
}

await main()
