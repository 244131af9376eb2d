import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { findApplication } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { auditAccess } from '../auditLog.js'
import { NotFoundError } from '../errors.js'
import type { IssuedLetter } from '../letters/issuedLetters.js'
import { issuedLetter } from '../letters/issuedLetters.js'
import { caseResource } from './caseResource.js'

export interface CaseLetterProps {
  store: Store
  actor: Actor
  applicationId: number
  /** the event that made the letter, by its place in the case history */
  seq: number
  /** read on the page, or downloaded as DOCX (the audit record says which) */
  format: 'html' | 'docx'
  today: CalendarDay
}

/**
 * One letter of a case (补正告知书, 答复书 …) as issued (decision 0033), for staff who may read it; each read or
 * download is audited, as the letter carries the applicant's name.
 */
export async function caseLetter({
  store,
  actor,
  applicationId,
  seq,
  format,
  today,
}: CaseLetterProps): Promise<IssuedLetter> {
  const row = await findApplication(store.db, applicationId)
  if (!row) throw new NotFoundError('申请')
  authorize(actor, 'letter.read', caseResource(row))
  const letter = await issuedLetter(store.db, applicationId, seq, today)
  await auditAccess(store.db, actor, format === 'docx' ? 'caseLetter.download' : 'caseLetter.read', {
    type: 'application',
    id: applicationId,
    detail: { seq, kind: letter.letter.kind, docxSm3: letter.docxSm3 },
  })
  return letter
}
