// Search quality (issue 14), not a test: the labelled queries of qualityLabels.json over the demo catalog,
// each answered by the application's search (relevance order) and by a plain substring baseline (the typed
// text in title, 文号 or text: LIKE '%q%', title matches first, then newest), in the same run.
//
//   node --import tsx bench/search/quality.ts [--engine sqlite|postgres] [--list]
//
// recall@10: the share of a query's expected documents in its first 10 results, out of min(10, expected);
// nDCG@10: graded gains (2: the title says it, 1: the text does), log2 discount; found: the share of the
// expected documents among everything the search finds (all pages). Means over the queries.
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { createAgency } from '../../src/services/agencies.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { loadCatalogDemo } from '../../src/services/demo/catalogDemo.js'
import { FUZHOU, QUZHOU } from '../../src/services/demo/loadDemo.js'
import { publicDocuments } from '../../src/store/catalogRepo.js'
import type { Store } from '../../src/store/database.js'
import { ensurePgUser, migrate, openStore } from '../../src/store/database.js'

interface Label {
  q: string
  intent: string[][]
  relevant: { indexNo: string; title: string; grade: number }[]
}

const TODAY = '2026-11-24' as CalendarDay
const engine = process.argv.includes('postgres') ? 'postgres' : 'sqlite'
const list = process.argv.includes('--list')
const labels = JSON.parse(readFileSync(new URL('./qualityLabels.json', import.meta.url), 'utf8')) as Label[]

async function demoStore(): Promise<Store> {
  if (engine === 'sqlite') return openStore('sqlite::memory:')
  ensurePgUser()
  const admin = await openStore(process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test')
  await sql`drop database if exists bench_search_quality`.execute(admin.db)
  await sql`create database bench_search_quality`.execute(admin.db)
  await admin.close()
  return openStore(
    (process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test').replace(/\/[^/]*$/, '/bench_search_quality'),
  )
}

const store = await demoStore()
await migrate(store)
for (const a of [QUZHOU, FUZHOU]) await createAgency(store, a)
await loadCatalogDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code })
const indexNos = new Map(
  (await publicDocuments(store.db, TODAY).select(['id', 'index_no']).execute()).map((r) => [Number(r.id), r.index_no]),
)
const missing = labels.flatMap((l) => l.relevant.filter((r) => ![...indexNos.values()].includes(r.indexNo)))
if (missing.length)
  process.stderr.write(`${missing.length} labelled documents are not in the demo catalog any more: relabel\n`)

/** The application: the portal's search, by relevance, every page. */
async function app(q: string): Promise<string[]> {
  const first = await searchDocuments(store, { q, pageSize: 50 }, TODAY)
  const ids = first.hits.map((h) => h.id)
  for (let page = 2; page <= Math.ceil(first.total / 50); page++)
    ids.push(...(await searchDocuments(store, { q, pageSize: 50, page }, TODAY)).hits.map((h) => h.id))
  return ids.map((id) => indexNos.get(id) ?? '')
}

/** The baseline: the text as typed, as a substring. */
async function like(q: string): Promise<string[]> {
  const text = sql<string>`documents.title || ' ' || coalesce(documents.doc_no, '') || ' ' || documents.body_text`
  const pattern = `%${q.trim()}%`
  const rows = await publicDocuments(store.db, TODAY)
    .select('index_no')
    .where(text, 'like', pattern)
    .orderBy(sql`case when documents.title like ${pattern} then 0 else 1 end`)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => r.index_no ?? '')
}

function scores(found: string[], label: Label) {
  const grade = new Map(label.relevant.map((r) => [r.indexNo, r.grade]))
  const top = found.slice(0, 10)
  const recall10 = top.filter((k) => grade.has(k)).length / Math.min(10, label.relevant.length)
  const dcg = top.reduce((s, k, i) => s + (2 ** (grade.get(k) ?? 0) - 1) / Math.log2(i + 2), 0)
  const ideal = [...grade.values()]
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0)
  const foundAll = found.filter((k) => grade.has(k)).length / label.relevant.length
  return { recall10, ndcg10: dcg / ideal, foundAll, count: found.length }
}

const totals = { app: { recall10: 0, ndcg10: 0, foundAll: 0 }, like: { recall10: 0, ndcg10: 0, foundAll: 0 } }
const f = (x: number) => x.toFixed(2)
if (list)
  process.stdout.write(
    'query\texpected\tapp: found recall@10 nDCG@10 all-found\tLIKE: found recall@10 nDCG@10 all-found\n',
  )
for (const label of labels) {
  const a = scores(await app(label.q), label)
  const b = scores(await like(label.q), label)
  for (const [k, s] of [
    ['app', a],
    ['like', b],
  ] as const) {
    totals[k].recall10 += s.recall10
    totals[k].ndcg10 += s.ndcg10
    totals[k].foundAll += s.foundAll
  }
  if (list)
    process.stdout.write(
      `${label.q}\t${label.relevant.length}\t${a.count} ${f(a.recall10)} ${f(a.ndcg10)} ${f(a.foundAll)}\t${b.count} ${f(b.recall10)} ${f(b.ndcg10)} ${f(b.foundAll)}\n`,
    )
}
const n = labels.length
process.stdout.write(
  `${engine}: ${n} labelled queries over ${indexNos.size} public demo documents\n` +
    `  app (searchDocuments, relevance)  recall@10 ${f(totals.app.recall10 / n)}  nDCG@10 ${f(totals.app.ndcg10 / n)}  found ${f(totals.app.foundAll / n)}\n` +
    `  LIKE '%q%' baseline               recall@10 ${f(totals.like.recall10 / n)}  nDCG@10 ${f(totals.like.ndcg10 / n)}  found ${f(totals.like.foundAll / n)}\n`,
)
await store.close()
