import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import type { CaseContext } from '../caseContext.js'
import { loadCaseContext } from '../caseContext.js'
import { caseResource } from './caseResource.js'

export interface CaseRecordProps {
  store: Store
  actor: Actor
  applicationId: number
  today: CalendarDay
}

/** One case with its history and computed dates, for staff who may read it (the JSON API). */
export async function caseRecord({ store, actor, applicationId, today }: CaseRecordProps): Promise<CaseContext> {
  const c = await loadCaseContext(store.db, applicationId, today)
  authorize(actor, 'case.read', caseResource(c.row))
  return c
}
