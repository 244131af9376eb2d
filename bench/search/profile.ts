// Where the time of one query goes (development aid for bench/search): node --import tsx bench/search/profile.ts FILE "query"
import { performance } from 'node:perf_hooks'
import { openStore } from '../../src/store/database.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { rankDocuments } from '../../src/search/searchIndex.js'
import { maxKeyOn } from '../../src/search/sortKey.js'
import { planQuery } from '../../src/search/queryPlan.js'
import { BUILT_IN_SYNONYMS, synonymIndex } from '../../src/search/synonyms.js'

const [file, q = '的', sort = 'relevance'] = process.argv.slice(2)
const store = await openStore(`sqlite:${file}`)
const { groups } = planQuery(q, synonymIndex(BUILT_IN_SYNONYMS))
for (let i = 0; i < 3; i++) {
  let t = performance.now()
  const r = await rankDocuments(store.db, 'sqlite', {
    groups,
    filters: [],
    minKey: 0,
    maxKey: maxKeyOn('2026-11-24'),
    sort: sort as 'relevance',
    limit: 10,
    offset: 0,
  })
  const rank = performance.now() - t
  t = performance.now()
  await searchDocuments(store, { q, sort: sort as 'relevance' }, '2026-11-24' as never)
  process.stdout.write(
    `rank ${rank.toFixed(1)} ms (total ${r.total}); whole search ${(performance.now() - t).toFixed(1)} ms\n`,
  )
}
await store.close()
