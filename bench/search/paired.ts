// Paired before/after timing of search (decision 0051), not a test: one process alternates the current
// searchDocuments and that of an earlier copy of the code, query by query, on the same database, so that both
// see the same load on a shared machine; it reports when the two disagree on the total or the hits.
//
//   git archive HEAD src bench package.json | tar -x -C /tmp/search-before   (before changing the code)
//   ln -s "$PWD/node_modules" /tmp/search-before/node_modules
//   nice -n 10 node --import tsx bench/search/paired.ts STORE_URL QUERY_FILE SET SORT FILTERS N [BEFORE_DIR]
//   e.g. postgres://127.0.0.1:5432/bench_search_20000 /tmp/sb-before/search-20000-queries.json A relevance no 100
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { openStore } from '../../src/store/database.js'
import type { SearchParams, SearchResult } from '../../src/services/catalog/searchDocuments.js'
import { searchDocuments as after } from '../../src/services/catalog/searchDocuments.js'

type Search = (
  store: Awaited<ReturnType<typeof openStore>>,
  p: SearchParams,
  today: CalendarDay,
) => Promise<SearchResult>
const [
  url = '',
  queryFile = '',
  set = 'A',
  sort = 'relevance',
  filters = 'no',
  n = '100',
  beforeDir = '/tmp/search-before',
] = process.argv.slice(2)
const before = ((await import(`${beforeDir}/src/services/catalog/searchDocuments.ts`)) as { searchDocuments: Search })
  .searchDocuments
const qs = ((JSON.parse(readFileSync(queryFile, 'utf8')) as Record<string, string[]>)[set] ?? []).slice(0, Number(n))
const store = await openStore(url)
const YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i)
const times = { before: [] as number[], after: [] as number[] }
for (const [i, q] of qs.entries()) {
  const input: SearchParams = { q, sort: sort as 'relevance' }
  if (filters === 'yes') {
    input.year = YEARS[i % YEARS.length] as number
    if (i % 2 === 0) input.agency = `B${String(1 + ((i * 37) % 10000)).padStart(17, '0')}`
  }
  const seen: Record<string, string> = {}
  const order: ['before' | 'after', Search][] =
    i % 2
      ? [
          ['before', before],
          ['after', after],
        ]
      : [
          ['after', after],
          ['before', before],
        ]
  for (const [name, search] of order) {
    const t = performance.now()
    const r = await search(store, input, '2026-11-24' as CalendarDay)
    times[name].push(performance.now() - t)
    seen[name] = `${r.total}:${r.hits.map((h) => h.id).join(',')}`
  }
  if (seen.before !== seen.after) process.stdout.write(`DIFF ${JSON.stringify(input)} ${JSON.stringify(seen)}\n`)
}
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1)
  return `p50 ${at(0.5)} p95 ${at(0.95)}`
}
process.stdout.write(`${set} ${sort} filters=${filters}: before ${stat(times.before)} | after ${stat(times.after)}\n`)
await store.close()
