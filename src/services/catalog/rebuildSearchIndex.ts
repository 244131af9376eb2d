import type { Store } from '../../store/database.js'
import { publishedDocumentIds, searchIndexFormat, setSearchIndexFormat } from '../../store/searchDictionaryRepo.js'
import { SEARCH_FORMAT, clearSearchIndex } from '../../search/searchIndex.js'
import { reindex } from './publishDocument.js'

/**
 * Rebuilds the search index when it was written in an older format (decision 0028: a migration cannot run
 * the application's tokenizer). Run at start, after migrating; returns how many documents were indexed, or
 * null when the index was already current.
 */
export async function rebuildSearchIndex(store: Store): Promise<number | null> {
  if ((await searchIndexFormat(store.db)) >= SEARCH_FORMAT) return null
  return store.db.transaction().execute(async (trx) => {
    await clearSearchIndex(trx, store.engine)
    const ids = await publishedDocumentIds(trx)
    for (const id of ids) await reindex(trx, store, id)
    await setSearchIndexFormat(trx, SEARCH_FORMAT)
    return ids.length
  })
}
