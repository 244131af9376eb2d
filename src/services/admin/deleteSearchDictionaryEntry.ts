import type { Store } from '../../store/database.js'
import { deleteDictionaryEntry } from '../../store/searchDictionaryRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError } from '../errors.js'

/** Removes an administrator's group (the built-in groups stay). */
export async function deleteSearchDictionaryEntry(props: { store: Store; actor: Actor; id: number }): Promise<string> {
  authorize(props.actor, 'search.dictionary')
  return props.store.db.transaction().execute(async (trx) => {
    const row = await deleteDictionaryEntry(trx, props.id)
    if (!row) throw new NotFoundError('该同义词')
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'search.dictionaryDelete',
      targetType: 'searchDictionary',
      targetId: row.term,
      detail: { synonyms: row.synonyms },
    })
    return row.term
  })
}
