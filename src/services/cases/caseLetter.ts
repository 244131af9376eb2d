import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Letter } from '../../domain/letters/composeLetter.js'
import { findApplication } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError } from '../errors.js'
import { buildLetter } from '../letters/letters.js'
import { caseResource } from './caseResource.js'

export interface CaseLetterProps {
  store: Store
  actor: Actor
  applicationId: number
  /** the event that made the letter, by its place in the case history */
  seq: number
  today: CalendarDay
}

/** One letter of a case (补正告知书, 答复书 …), composed with the agency's template, for staff who may read it. */
export async function caseLetter({ store, actor, applicationId, seq, today }: CaseLetterProps): Promise<Letter> {
  const row = await findApplication(store.db, applicationId)
  if (!row) throw new NotFoundError('申请')
  authorize(actor, 'letter.read', caseResource(row))
  return buildLetter(store.db, applicationId, seq, today)
}
