/**
 * Load: 200 concurrent online submissions for 60 s against `npm start` (SQLite) on loopback; then the same
 * with the server killed by SIGKILL mid-run and restarted. Reports accepted submissions per second and p99
 * latency, against a baseline (GET /healthz, same connections, same run), and checks that every submission
 * the server acknowledged (201 + query code) is in the database afterwards.
 *
 *   nice -n 10 npx tsx bench/load/onlineApplications.ts   (DURATION=60 CONNECTIONS=200 KILL_AFTER=10 PORT=3150)
 *
 * The server is what `npm start` runs (scripts/build.mjs's esbuild transpile, then `gongkai serve`, which loads
 * the demo on a first start), built into a private directory so that a shared dist/ is never rebuilt under
 * other running processes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { openStore } from '../../src/store/database.js'
import { applicationBody, postApplications, storedCodes } from '../support/onlineSubmissions.js'

const DURATION = Number(process.env.DURATION ?? 60)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 200)
const KILL_AFTER = Number(process.env.KILL_AFTER ?? 10)
const PORT = Number(process.env.PORT ?? 3150)
const AGENCY = '113308000026188164' // the demo's 衢州 bureau

const dir = mkdtempSync(join(tmpdir(), 'gongkai-load-'))
const dbUrl = `sqlite:${join(dir, 'gongkai.db')}`

// Same depth as dist/ so that paths the code resolves from its own location (the demo's seeds) still hold.
const OUT = 'dist-bench-load'

/** The same transpile as `npm start` (scripts/build.mjs), into OUT so the shared dist/ is left alone. */
function buildServer(): string[] {
  execFileSync('node', ['scripts/build.mjs', OUT], { stdio: 'inherit' })
  return ['node', join(OUT, 'cli/main.js'), 'serve']
}

function start(port: number, cmd: string[]): ChildProcess {
  const child = spawn(cmd[0] as string, cmd.slice(1), {
    env: {
      ...process.env,
      GONGKAI_DB: dbUrl,
      PORT: String(port),
      // the bench measures throughput, not the per-address limit (default 20 per 10 minutes)
      GONGKAI_APPLY_RATE_LIMIT: '100000000',
      GONGKAI_REMINDERS_EVERY_MIN: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  return child
}

async function waitUp(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('server did not start')
}

const body = (i: number) => applicationBody(AGENCY, '压测', i)

interface Run {
  result: autocannon.Result
  acknowledged: string[]
}

async function submissions(base: string, seconds: number, onStart?: () => void): Promise<Run> {
  const { run, acknowledged } = postApplications({ base, connections: CONNECTIONS, seconds, body })
  onStart?.()
  const result = await run
  return { result, acknowledged }
}

async function missingFrom(codes: string[]): Promise<{ stored: number; missing: string[] }> {
  const store = await openStore(dbUrl)
  try {
    const present = await storedCodes(store.db, codes)
    const stored = await store.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('channel', '=', 'online')
      .executeTakeFirstOrThrow()
    return { stored: Number(stored.n), missing: codes.filter((c) => !present.has(c)) }
  } finally {
    await store.close()
  }
}

function line(label: string, r: autocannon.Result, accepted: number, seconds: number) {
  const s2xx = r['2xx']
  return `${label}: ${accepted} accepted in ${seconds} s = ${(accepted / seconds).toFixed(1)}/s; requests ${r.requests.total} (2xx ${s2xx}, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}); latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`
}

async function main() {
  const port = PORT
  const base = `http://127.0.0.1:${port}`
  const serve = buildServer()
  process.stdout.write(`database ${dbUrl}; ${CONNECTIONS} connections\n`)

  let server = start(port, serve)
  await waitUp(base)
  const baseline = await autocannon({ url: `${base}/healthz`, connections: CONNECTIONS, duration: 10 })
  process.stdout.write(
    `baseline GET /healthz (10 s): ${baseline.requests.average.toFixed(0)} req/s, p99 ${baseline.latency.p99} ms\n`,
  )

  const main = await submissions(base, DURATION)
  const accepted = main.acknowledged.length
  process.stdout.write(`${line(`POST /api/public/applications (${DURATION} s)`, main.result, accepted, DURATION)}\n`)
  process.stdout.write(
    `ratio: accepted/s ÷ baseline req/s = ${(accepted / DURATION / baseline.requests.average).toFixed(3)}; p99 ÷ baseline p99 = ${(main.result.latency.p99 / Math.max(1, baseline.latency.p99)).toFixed(1)}\n`,
  )
  process.kill(-(server.pid as number), 'SIGTERM')
  await new Promise((r) => server.once('exit', r))
  const check1 = await missingFrom(main.acknowledged)
  process.stdout.write(
    `after a clean stop: ${accepted} acknowledged, ${check1.missing.length} missing from the database (online rows stored: ${check1.stored})\n`,
  )

  // SIGKILL mid-run
  server = start(port, [...serve, '--no-demo'])
  await waitUp(base)
  const killed = await submissions(base, KILL_AFTER + 5, () => {
    setTimeout(() => process.kill(-(server.pid as number), 'SIGKILL'), KILL_AFTER * 1000)
  })
  await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r)))
  process.stdout.write(
    `${line(`killed run (SIGKILL after ${KILL_AFTER} s)`, killed.result, killed.acknowledged.length, KILL_AFTER)}\n`,
  )
  server = start(port, [...serve, '--no-demo'])
  await waitUp(base)
  const check2 = await missingFrom([...main.acknowledged, ...killed.acknowledged])
  const probe = await fetch(`${base}/api/public/applications/${killed.acknowledged.at(-1) ?? 'NONE'}`)
  process.stdout.write(
    `after SIGKILL and restart: ${killed.acknowledged.length} acknowledged in the killed run, ${check2.missing.length} of all ${main.acknowledged.length + killed.acknowledged.length} acknowledged missing; last acknowledged code answers ${probe.status} after restart\n`,
  )
  process.kill(-(server.pid as number), 'SIGTERM')
  await new Promise((r) => server.once('exit', r))
  rmSync(dir, { recursive: true, force: true })
  rmSync(OUT, { recursive: true, force: true })
  if (check1.missing.length || check2.missing.length) process.exitCode = 1
}

await main()
