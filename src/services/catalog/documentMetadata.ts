import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { isCalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Validity } from '../../domain/catalog/metadata.js'
import { VALIDITIES } from '../../domain/catalog/metadata.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { appendDocumentEvent } from '../../store/catalogRepo.js'
import { ValidationError } from '../errors.js'
import { reindex } from './publishDocument.js'
import { load } from './workflow.js'

// Changes of a document's metadata after publication (有效性): one transaction, recorded in the document's
// history and in the search index.

/** 有效性 change (失效 / 废止, or back to 有效): the item stays public, marked, from `on`. */
export async function changeValidity(
  store: Store,
  id: number,
  validity: Validity,
  on: CalendarDay,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  if (!VALIDITIES.some((v) => v.code === validity))
    throw new ValidationError([{ field: 'validity', message: '有效性应为有效、失效或废止' }])
  if (!isCalendarDay(on))
    throw new ValidationError([{ field: 'on', message: '有效性变更日期应为有效日期（YYYY-MM-DD）' }])
  await store.db.transaction().execute(async (trx) => {
    await load(trx, id)
    await trx
      .updateTable('documents')
      .set({ validity, validity_on: on, updated_at: nowIso() })
      .where('id', '=', id)
      .execute()
    await appendDocumentEvent(trx, id, actor, {
      kind: 'validity',
      comment: validity,
      onDay: today,
      data: { validity, on },
    })
    await reindex(trx, store, id)
  })
}
