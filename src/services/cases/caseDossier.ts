import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Letter } from '../../domain/letters/composeLetter.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { issuedLetter } from '../letters/issuedLetters.js'
import type { CasePageData } from './casePageData.js'
import { casePageData } from './casePageData.js'
import { caseResource } from './caseResource.js'

export interface CaseDossierProps {
  store: Store
  actor: Actor
  applicationId: number
  /** the day the clock is computed for and the dossier is printed */
  today: CalendarDay
}

export interface CaseDossier {
  data: CasePageData
  /** every letter of the case, as issued */
  letters: Letter[]
}

/**
 * The 案卷 of a case for printing and filing: its facts, the applicant's particulars, every date, the history,
 * the reviews and the full text of its letters, for staff who may read the case and its letters.
 */
export async function caseDossier({ store, actor, applicationId, today }: CaseDossierProps): Promise<CaseDossier> {
  const data = await casePageData({ store, actor, applicationId, today, auditAs: 'case.dossier' })
  authorize(actor, 'letter.read', caseResource(data.case.row))
  const letters: Letter[] = []
  for (const l of data.letters) letters.push((await issuedLetter(store.db, applicationId, l.seq, today)).letter)
  return { data, letters }
}
