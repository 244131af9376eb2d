// Search benchmark (issue 6), not a test: synthetic documents whose words follow the frequencies of jieba's own
// dictionary, metadata over 10,000 agencies and 11 years; two query sets of 1,000; each query by date and by
// relevance, with and without filters, through the application (count, page, hydration, snippets) beside the same
// match sent raw to the engine in the same run.
//
//   nice -n 10 node --import tsx bench/search/run.ts --docs 1000000 --engine both
//   (options: --docs N, --engine sqlite|postgres|both, --queries 1000, --raw-relevance 50, --reuse, --drop, --sets A,B,
//    --out DIR: where the SQLite file and the JSON report go, outside the repo; default $TMPDIR/gongkai-bench,
//    --raw-date N: time the raw engine statements of date order on the first N queries only (default all; a raw
//    statement the planner reads badly can take seconds at 1 M),
//    --build-only: build the index and stop, so that several builds can share the machine and the timing runs alone,
//    --query-file FILE: the query sets to use (as written by an earlier run to DIR/search-N-queries.json), so that
//    runs before and after a change of the index ask the same queries)
// PostgreSQL gets its own database bench_search_<docs> (kept for --reuse; --drop removes it after the run).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import pg from 'pg'
import { sql } from 'kysely'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Engine, Store } from '../../src/store/database.js'
import { ensurePgUser, migrate, openStore } from '../../src/store/database.js'
import { CANDIDATES, documentTokens, engineMatch } from '../../src/search/searchIndex.js'
import { sortKey, maxKeyOn, yearKeys } from '../../src/search/sortKey.js'
import { filterToken } from '../../src/search/tokenize.js'
import { planQuery } from '../../src/search/queryPlan.js'
import { BUILT_IN_SYNONYMS, synonymIndex } from '../../src/search/synonyms.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'

const args = new Map<string, string>()
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i] as string
  if (a.startsWith('--'))
    args.set(
      a.slice(2),
      process.argv[i + 1]?.startsWith('--') || i + 1 >= process.argv.length ? 'true' : (process.argv[++i] as string),
    )
}
const DOCS = Number(args.get('docs') ?? 1_000_000)
const QUERIES = Number(args.get('queries') ?? 1000)
const RAW_RELEVANCE = Number(args.get('raw-relevance') ?? 50)
const RAW_DATE = Number(args.get('raw-date') ?? Number.POSITIVE_INFINITY)
const ENGINES: Engine[] =
  args.get('engine') === 'sqlite'
    ? ['sqlite']
    : args.get('engine') === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres']
const REUSE = args.get('reuse') === 'true'
const BUILD_ONLY = args.get('build-only') === 'true'
const AGENCIES = 10_000
const YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i)
const TODAY = '2026-11-24' as CalendarDay
const DROP = args.get('drop') === 'true'
const SETS = (args.get('sets') ?? 'A,B').split(',')
const QUERY_FILE = args.get('query-file')
const OUT = `${args.get('out') ?? join(tmpdir(), 'gongkai-bench')}/`
const PG_ADMIN = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
const PG_DB = `bench_search_${DOCS}`
const PG_URL = PG_ADMIN.replace(/\/[^/]*$/, `/${PG_DB}`)

function mulberry(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// jieba's dictionary: word, frequency. Words are drawn with these frequencies (a realistic vocabulary).
const WORD = /^[\p{L}\p{N}]+$/u
const dictText = readFileSync(new URL('../../node_modules/@node-rs/jieba/dict.txt', import.meta.url), 'utf8')
const words: string[] = []
const cumulative: number[] = []
let totalFreq = 0
for (const line of dictText.split('\n')) {
  const [w, f] = line.split(' ')
  if (!w || !f || !WORD.test(w)) continue
  totalFreq += Number(f)
  words.push(w)
  cumulative.push(totalFreq)
}
function drawWord(rand: () => number): string {
  const x = rand() * totalFreq
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((cumulative[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return words[lo] as string
}

interface SynthDoc {
  id: number
  agencyId: number
  publishedOn: string
  validity: string
  title: string
  text: string
}

function* documents(): Generator<SynthDoc> {
  const rand = mulberry(20261124)
  for (let id = 1; id <= DOCS; id++) {
    const year = YEARS[Math.floor(rand() * YEARS.length)] as number
    const day = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
    const n = 180 + Math.floor(rand() * 41)
    const parts: string[] = []
    for (let i = 0; i < n; i++) parts.push(drawWord(rand), i % 14 === 13 ? '，' : '')
    yield {
      id,
      agencyId: 1 + Math.floor(rand() * AGENCIES),
      publishedOn: day,
      validity: rand() < 0.9 ? 'valid' : rand() < 0.5 ? 'expired' : 'repealed',
      title: parts.slice(0, 16).join(''),
      text: `${parts.join('')}。`,
    }
  }
}

/** What the index keeps of a document (the application's own documentTokens). */
function indexed(d: SynthDoc) {
  const { text, length, terms, filters } = documentTokens({
    id: d.id,
    publishedOn: d.publishedOn,
    agencyId: d.agencyId,
    columnIds: [d.agencyId],
    validity: d.validity,
    topic: '',
    title: d.title,
    docNo: null,
    text: d.text,
  })
  return { key: sortKey(d.publishedOn, d.id), text, length, match: `${terms.join(' ')} ${filters.join(' ')}`, terms }
}

const agencyCode = (i: number) => `B${String(i).padStart(17, '0')}`
const now = '2026-11-24T00:00:00.000Z'

function progress(label: string, i: number, t0: number) {
  if (i % 50_000 === 0)
    process.stderr.write(`  ${label} ${i}/${DOCS} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`)
}

async function buildSqlite(file: string): Promise<number> {
  const t0 = performance.now()
  rmSync(file, { force: true })
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  const store = await openStore(`sqlite:${file}`)
  await migrate(store)
  await store.close()
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -400000')
  const insAgency = db.prepare('insert into agencies (id, name, code, settings, created_at) values (?, ?, ?, ?, ?)')
  const insColumn = db.prepare(
    "insert into catalog_columns (id, agency_id, parent_id, slug, name, kind, sort) values (?, ?, null, 'statutory', '法定主动公开内容', 'statutory', 0)",
  )
  db.transaction(() => {
    for (let i = 1; i <= AGENCIES; i++) {
      insAgency.run(i, `基准机关${i}`, agencyCode(i), '{}', now)
      insColumn.run(i, i)
    }
  })()
  const insDoc = db.prepare(
    "insert into documents (id, agency_id, column_id, index_no, title, body_text, formed_on, published_on, publisher, validity, status, disclosure, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, '基准机关', ?, 'published', 'active', ?, ?)",
  )
  const insSearch = db.prepare('insert into search_docs (sort_key, document_id, tokens, length) values (?, ?, ?, ?)')
  const insFts = db.prepare('insert into search_fts (rowid, tokens) values (?, ?)')
  const df = new Map<string, number>()
  let totalLength = 0
  let batch: SynthDoc[] = []
  const flush = db.transaction((docs: SynthDoc[]) => {
    for (const d of docs) {
      const x = indexed(d)
      insDoc.run(
        d.id,
        d.agencyId,
        d.agencyId,
        `${agencyCode(d.agencyId)}/${d.publishedOn.slice(0, 4)}-${String(d.id).padStart(7, '0')}`,
        d.title,
        d.text,
        d.publishedOn,
        d.publishedOn,
        d.validity,
        now,
        now,
      )
      insSearch.run(x.key, d.id, x.text, x.length)
      insFts.run(x.key, x.match)
      for (const w of x.terms) df.set(w, (df.get(w) ?? 0) + 1)
      totalLength += x.length
    }
  })
  let i = 0
  for (const d of documents()) {
    batch.push(d)
    if (batch.length === 5000) {
      flush(batch)
      batch = []
    }
    progress('sqlite', ++i, t0)
  }
  flush(batch)
  const insTerm = db.prepare('insert into search_terms (term, df) values (?, ?)')
  db.transaction(() => {
    for (const [t, n] of df) insTerm.run(t, n)
    db.prepare('update search_stats set docs = ?, total_length = ? where id = 1').run(DOCS, totalLength)
  })()
  db.exec("insert into search_fts(search_fts) values('optimize')")
  db.exec('analyze')
  db.close()
  return performance.now() - t0
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN })
  await admin.connect()
  await admin.query(text)
  await admin.end()
}

async function buildPostgres(): Promise<number> {
  const t0 = performance.now()
  ensurePgUser()
  await adminQuery(`drop database if exists ${PG_DB}`)
  await adminQuery(`create database ${PG_DB}`)
  const store = await openStore(PG_URL)
  await migrate(store)
  await store.close()
  const pool = new pg.Pool({ connectionString: PG_URL, max: 2 })
  await pool.query('drop index search_docs_tsv')
  const values = (rows: unknown[][]) => {
    const params: unknown[] = []
    const tuples = rows.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(',')})`)
    return { tuples: tuples.join(','), params }
  }
  for (let from = 1; from <= AGENCIES; from += 1000) {
    const rows = Array.from({ length: 1000 }, (_, k) => [
      from + k,
      `基准机关${from + k}`,
      agencyCode(from + k),
      '{}',
      now,
    ])
    const v = values(rows)
    await pool.query(`insert into agencies (id, name, code, settings, created_at) values ${v.tuples}`, v.params)
    const c = values(rows.map((r) => [r[0], r[0]]))
    await pool.query(
      `insert into catalog_columns (id, agency_id, slug, name, kind, sort) select x.id::int, x.a::int, 'statutory', '法定主动公开内容', 'statutory', 0 from (values ${c.tuples}) as x(id, a)`,
      c.params,
    )
  }
  const df = new Map<string, number>()
  let totalLength = 0
  let docs: unknown[][] = []
  let search: unknown[][] = []
  const flush = async () => {
    if (!docs.length) return
    const d = values(docs)
    await pool.query(
      `insert into documents (id, agency_id, column_id, index_no, title, body_text, formed_on, published_on, publisher, validity, status, disclosure, created_at, updated_at)
       select x.id::int, x.a::int, x.a::int, x.ix, x.t, x.b, x.p, x.p, '基准机关', x.v, 'published', 'active', '${now}', '${now}' from (values ${d.tuples}) as x(id, a, ix, t, b, p, v)`,
      d.params,
    )
    const s = values(search)
    await pool.query(
      `insert into search_docs (sort_key, document_id, tokens, length, tsv) select x.k::bigint, x.id::int, x.tk, x.l::int, to_tsvector('simple', x.m) from (values ${s.tuples}) as x(k, id, tk, l, m)`,
      s.params,
    )
    docs = []
    search = []
  }
  let i = 0
  for (const d of documents()) {
    const x = indexed(d)
    docs.push([
      d.id,
      d.agencyId,
      `${agencyCode(d.agencyId)}/${d.publishedOn.slice(0, 4)}-${String(d.id).padStart(7, '0')}`,
      d.title,
      d.text,
      d.publishedOn,
      d.validity,
    ])
    search.push([x.key, d.id, x.text, x.length, x.match])
    for (const w of x.terms) df.set(w, (df.get(w) ?? 0) + 1)
    totalLength += x.length
    if (docs.length === 1000) await flush()
    progress('postgres', ++i, t0)
  }
  await flush()
  const terms = [...df]
  for (let k = 0; k < terms.length; k += 5000) {
    const v = values(terms.slice(k, k + 5000))
    await pool.query(
      `insert into search_terms (term, df) select x.t, x.n::int from (values ${v.tuples}) as x(t, n)`,
      v.params,
    )
  }
  await pool.query('update search_stats set docs = $1, total_length = $2 where id = 1', [DOCS, totalLength])
  process.stderr.write('  postgres: building the GIN index\n')
  await pool.query("set maintenance_work_mem = '1GB'")
  await pool.query('create index search_docs_tsv on search_docs using gin (tsv) with (fastupdate = off)')
  await pool.query('vacuum analyze')
  await pool.end()
  return performance.now() - t0
}

interface Query {
  q: string
  year?: number
  agency?: number
}

function querySets(dfOf: Map<string, number>): { A: string[]; B: string[] } {
  const rand = mulberry(777)
  const A = Array.from({ length: QUERIES }, (_, i) =>
    i % 2 === 0 ? drawWord(rand) : `${drawWord(rand)} ${drawWord(rand)}`,
  )
  const content = [...dfOf].filter(([t, n]) => n >= 10 && !/^\d+$/.test(t)).map(([t]) => t)
  const B = Array.from({ length: QUERIES }, (_, i) => {
    const w = content[Math.floor(rand() * content.length)] as string
    return i % 2 === 0 ? w : `${w} ${drawWord(rand)}`
  })
  return { A, B }
}

function withFilters(qs: string[]): Query[] {
  const rand = mulberry(99)
  return qs.map((q, i) => ({
    q,
    year: YEARS[Math.floor(rand() * YEARS.length)],
    ...(i % 2 === 0 ? { agency: 1 + Math.floor(rand() * AGENCIES) } : {}),
  }))
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number
}
const stat = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) })

/**
 * The same match as the application sends, straight to the engine: one page of 10, no count, no hydration
 * (date: newest first; relevance: the engine's own bm25 / ts_rank). 'counted': the newest CANDIDATES keys,
 * i.e. the engine's share of a date search that also counts (the statement the application sends).
 */
function rawRunner(engine: Engine, store: Store, sqlite?: Database.Database) {
  const synonyms = synonymIndex(BUILT_IN_SYNONYMS)
  const match = (x: Query) =>
    engineMatch(engine, planQuery(x.q, synonyms).groups, x.agency ? [filterToken.agency(x.agency)] : [])
  const range = (x: Query) =>
    x.year ? [yearKeys(x.year)[0], Math.min(yearKeys(x.year)[1], maxKeyOn(TODAY))] : [0, maxKeyOn(TODAY)]
  if (engine === 'sqlite' && sqlite) {
    const date = sqlite.prepare(
      'select rowid from search_fts where search_fts match ? and rowid between ? and ? order by rowid desc limit 10',
    )
    const rel = sqlite.prepare(
      'select rowid from search_fts where search_fts match ? and rowid between ? and ? order by bm25(search_fts) limit 10',
    )
    const counted = sqlite.prepare(
      `select rowid from search_fts where search_fts match ? and rowid between ? and ? order by rowid desc limit ${CANDIDATES}`,
    )
    return async (x: Query, sort: 'date' | 'relevance' | 'counted') => {
      const [lo, hi] = range(x)
      return (sort === 'date' ? date : sort === 'counted' ? counted : rel).all(match(x), lo, hi).length
    }
  }
  return async (x: Query, sort: 'date' | 'relevance' | 'counted') => {
    const m = match(x)
    const [lo, hi] = range(x)
    const order = sort === 'relevance' ? sql`ts_rank(tsv, to_tsquery('simple', ${m})) desc` : sql`sort_key desc`
    const r =
      await sql`select sort_key from search_docs where tsv @@ to_tsquery('simple', ${m}) and sort_key between ${lo} and ${hi} order by ${order} limit ${sort === 'counted' ? CANDIDATES : 10}`.execute(
        store.db,
      )
    return r.rows.length
  }
}

async function measure(engine: Engine, store: Store, sets: { A: string[]; B: string[] }, sqlite?: Database.Database) {
  const raw = rawRunner(engine, store, sqlite)
  const results: Record<string, unknown> = {}
  for (const [setName, qs] of Object.entries(sets).filter(([name]) => SETS.includes(name))) {
    for (const filtered of [false, true]) {
      const queries: Query[] = filtered ? withFilters(qs) : qs.map((q) => ({ q }))
      for (const sort of ['date', 'relevance'] as const) {
        const app: number[] = []
        const rawTimes: number[] = []
        const countedTimes: number[] = []
        for (const [i, x] of queries.entries()) {
          const t0 = performance.now()
          await searchDocuments(
            store,
            {
              q: x.q,
              sort,
              ...(x.year ? { year: x.year } : {}),
              ...(x.agency ? { agency: agencyCode(x.agency) } : {}),
            },
            TODAY,
          )
          app.push(performance.now() - t0)
          if (sort === 'date' ? i < RAW_DATE : i < RAW_RELEVANCE) {
            const t1 = performance.now()
            await raw(x, sort)
            rawTimes.push(performance.now() - t1)
          }
          if (sort === 'date' && i < RAW_DATE) {
            const t2 = performance.now()
            await raw(x, 'counted')
            countedTimes.push(performance.now() - t2)
          }
        }
        const key = `${setName} ${sort}${filtered ? ' +filters' : ''}`
        const a = stat(app)
        const r = stat(rawTimes)
        const c = countedTimes.length ? stat(countedTimes) : null
        results[key] = { app: a, raw: r, ...(c ? { rawCounted: c } : {}) }
        process.stdout.write(
          `${engine.padEnd(8)} ${key.padEnd(24)} app p50 ${a.p50.toFixed(1)} p95 ${a.p95.toFixed(1)} p99 ${a.p99.toFixed(1)} ms | raw(n=${r.n}) p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms | p95 ratio ${(a.p95 / r.p95).toFixed(2)}${c ? ` | raw counted p50 ${c.p50.toFixed(1)} p95 ${c.p95.toFixed(1)} p99 ${c.p99.toFixed(1)} ms, ratio ${(a.p95 / c.p95).toFixed(2)}` : ''}\n`,
        )
      }
    }
  }
  return results
}

mkdirSync(OUT, { recursive: true })
const report: Record<string, unknown> = {
  docs: DOCS,
  queries: QUERIES,
  rawRelevanceSample: RAW_RELEVANCE,
  agencies: AGENCIES,
  years: YEARS.length,
}
let sets: { A: string[]; B: string[] } | undefined
for (const engine of ENGINES) {
  let store: Store
  let sqlite: Database.Database | undefined
  let build = 0
  if (engine === 'sqlite') {
    const file = `${OUT}search-${DOCS}.db`
    if (!(REUSE && existsSync(file))) build = await buildSqlite(file)
    store = await openStore(`sqlite:${file}`)
    sqlite = new Database(file, { readonly: true })
  } else {
    if (!REUSE) build = await buildPostgres()
    store = await openStore(PG_URL)
  }
  if (build) process.stdout.write(`${engine}: indexed ${DOCS} documents in ${(build / 1000).toFixed(0)} s\n`)
  if (BUILD_ONLY) {
    sqlite?.close()
    await store.close()
    continue
  }
  if (!sets && QUERY_FILE) sets = JSON.parse(readFileSync(QUERY_FILE, 'utf8')) as { A: string[]; B: string[] }
  if (!sets) {
    const rows = await store.db.selectFrom('search_terms').select(['term', 'df']).execute()
    sets = querySets(new Map(rows.map((r) => [r.term, Number(r.df)])))
  }
  writeFileSync(`${OUT}search-${DOCS}-queries.json`, JSON.stringify(sets))
  report[engine] = { buildSeconds: build / 1000, ...(await measure(engine, store, sets, sqlite)) }
  sqlite?.close()
  await store.close()
}
if (DROP && ENGINES.includes('postgres')) await adminQuery(`drop database if exists ${PG_DB}`)
writeFileSync(`${OUT}search-${DOCS}.json`, JSON.stringify(report, null, 2))
process.stdout.write(`written ${OUT}search-${DOCS}.json\n`)
