// Issue 15 finding 6: a long ledger import must not make applicants fail. A ledger of `rows` cases is imported by
// the command line (its own process, as an office runs it) while online applications arrive through the web app
// on the same database; every application must be accepted, and its wait is reported.
//
//   nice -n 10 npx tsx bench/security/importWhileApplying.ts [--rows 30000] [--engine sqlite|postgres|both]
//
// test/security/importWhileApplying.test.ts runs the same with a smaller ledger.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { creditCodeCheckChar } from '../../src/domain/agency/creditCode.js'
import { createAgency } from '../../src/services/agencies.js'
import type { Engine, Store } from '../../src/store/database.js'
import { migrate, openStore } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'

const repo = new URL('../../', import.meta.url).pathname
const PG_URL = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
const TODAY = '2026-11-24' as CalendarDay

export interface ImportWhileApplying {
  engine: Engine
  rows: number
  importMs: number
  importExit: number | null
  importOut: string
  submissions: { status: number; ms: number }[]
  p50: number
  p99: number
  max: number
}

function ledgerCsv(rows: number): string {
  const lines = ['编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果']
  for (let i = 1; i <= rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0')
    const day = String((i % 27) + 1).padStart(2, '0')
    const answered = i % 3 === 0 ? `2025-${month}-${String(Math.min(28, (i % 27) + 2)).padStart(2, '0')},予以公开` : ','
    lines.push(
      `台账-${String(i).padStart(6, '0')},2025-${month}-${day},信函,自然人,申请人${i},请公开第${i}号项目的批复文件,${answered}`,
    )
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

function creditCode(n: number): string {
  const first17 = `1133000099${String(n).padStart(7, '0')}`.slice(0, 17)
  return first17 + (creditCodeCheckChar(first17) ?? '0')
}

async function database(engine: Engine, dir: string): Promise<{ url: string; store: Store; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const url = `sqlite:${join(dir, 'bench.db')}`
    const store = await openStore(url)
    await migrate(store)
    return { url, store, drop: async () => store.close() }
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const store = await openStore(PG_URL, { schema })
  await migrate(store)
  const url = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
  return {
    url,
    store,
    async drop() {
      await store.close()
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`drop schema ${schema} cascade`)
      await c.end()
    },
  }
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0
}

/** Imports `rows` ledger cases by the command line while online applications arrive every `everyMs`. */
export async function importWhileApplying(opts: {
  engine: Engine
  rows: number
  everyMs?: number
}): Promise<ImportWhileApplying> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-bench-'))
  const db = await database(opts.engine, dir)
  try {
    const code = creditCode(Date.now() % 1e6)
    await createAgency(db.store, { name: '台账压力测试局', code })
    const file = join(dir, 'ledger.csv')
    writeFileSync(file, ledgerCsv(opts.rows))
    const app = await buildApp(
      { store: db.store, today: () => TODAY },
      { edge: { trustedProxies: [], publicUrl: 'http://localhost:3000' } },
    )
    const env = { ...process.env, GONGKAI_DB: db.url, GONGKAI_APPLY_RATE_LIMIT: '100000' }
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [join(repo, 'bin/gongkai.js'), 'import', 'applications', '--agency', code, file],
      {
        cwd: repo,
        env,
      },
    )
    let out = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr.on('data', (b: Buffer) => (out += b.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    let running = true
    void exited.then(() => (running = false))
    // applications start once the command has read the file and begins writing
    while (running && !out.includes('导入 [')) await new Promise((r) => setTimeout(r, 20))
    const submissions: { status: number; ms: number }[] = []
    let n = 0
    while (running) {
      const t = performance.now()
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/applications',
        remoteAddress: `198.51.100.${(n++ % 200) + 1}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          agency: code,
          applicantKind: 'naturalPerson',
          name: '王小明',
          idType: 'resident-id',
          idNumber: '11010519491231002X',
          phone: '0570-1234567',
          email: 'wang@example.cn',
          address: '浙江省衢州市柯城区某路1号',
          description: `请公开本市第${n}号棚户区改造项目的征收补偿方案`,
          delivery: 'electronic',
        }),
      })
      submissions.push({ status: res.statusCode, ms: performance.now() - t })
      await new Promise((r) => setTimeout(r, opts.everyMs ?? 100))
    }
    const importExit = await exited
    const importMs = performance.now() - started
    await app.close()
    const waits = submissions.map((s) => s.ms)
    return {
      engine: opts.engine,
      rows: opts.rows,
      importMs,
      importExit,
      importOut: out,
      submissions,
      p50: percentile(waits, 0.5),
      p99: percentile(waits, 0.99),
      max: Math.max(0, ...waits),
    }
  } finally {
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '30000' }, engine: { type: 'string', default: 'both' } },
  })
  const engines: Engine[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as Engine]
  for (const engine of engines) {
    const r = await importWhileApplying({ engine, rows: Number(values.rows) })
    const failed = r.submissions.filter((s) => s.status !== 201)
    process.stdout.write(
      `${engine}: import of ${r.rows} rows ${r.importExit === 0 ? 'succeeded' : `FAILED (exit ${r.importExit})`} in ${(r.importMs / 1000).toFixed(1)} s; ` +
        `${r.submissions.length} online applications meanwhile, ${r.submissions.length - failed.length} accepted, ${failed.length} failed ` +
        `(${[...new Set(failed.map((f) => f.status))].join(', ') || '—'}); wait p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms\n`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
