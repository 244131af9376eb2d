import type { Store } from '../../store/database.js'
import { listDictionary } from '../../store/searchDictionaryRepo.js'
import { BUILT_IN_SYNONYMS } from '../../search/synonyms.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'

// The search dictionary (decision 0028): the groups shipped with the platform, and those administrators add.

export interface SearchDictionaryView {
  builtIn: { term: string; synonyms: string[] }[]
  entries: { id: number; term: string; synonyms: string[]; createdBy: string; createdAt: string }[]
}

export async function searchDictionaryForAdmin(props: { store: Store; actor: Actor }): Promise<SearchDictionaryView> {
  authorize(props.actor, 'search.dictionary')
  return {
    builtIn: BUILT_IN_SYNONYMS.map(([term = '', ...synonyms]) => ({ term, synonyms })),
    entries: await listDictionary(props.store.db),
  }
}
