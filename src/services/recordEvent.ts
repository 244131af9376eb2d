import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { computeClock } from '../domain/application/clock.js'
import type { ApplicationEvent } from '../domain/application/events.js'
import { appendChecked } from '../domain/application/rules.js'
import { stateOf } from '../domain/application/states.js'
import type { Kysely } from 'kysely'
import type { Store } from '../store/database.js'
import type { Database } from '../store/schema.js'
import { appendEvent, findApplication } from '../store/applicationRepo.js'
import type { CaseFile } from './caseFile.js'
import { saveDerived } from './caseFile.js'
import { loadCaseContext } from './caseContext.js'
import { queueCaseMessages } from './notifications/queueCaseMessages.js'
import { letterKindOf } from '../domain/letters/composeLetter.js'
import { issueLetterOfEvent } from './letters/issuedLetters.js'

/**
 * One step of a case after registration, inside the caller's transaction: checked against the law,
 * appended, and the derived facts refreshed. A rejected command throws before anything is written.
 */
export async function appendCaseEvent(
  trx: Kysely<Database>,
  applicationId: number,
  event: ApplicationEvent,
  today: CalendarDay,
): Promise<CaseFile> {
  const { row, policy, cal, events: history } = await loadCaseContext(trx, applicationId, today)
  const events = appendChecked(history, event, cal, policy)
  await appendEvent(trx, applicationId, history.length, event)
  const clock = computeClock(events, cal, today, policy)
  await saveDerived(trx, applicationId, events, clock)
  // the letter the step produces is fixed as issued, with the step (decision 0033)
  if (letterKindOf(event)) await issueLetterOfEvent(trx, applicationId, history.length, today)
  const updated = await findApplication(trx, applicationId)
  // what the step tells the applicant commits with it (issue 14: the outbox)
  await queueCaseMessages(trx, { row: updated ?? row, event, seq: history.length, clock })
  return { row: updated ?? row, events, state: stateOf(events), clock }
}

/**
 * Every step of a case after registration (assign, supplement, consultation, fee, extension, answer,
 * delivery, withdrawal, archive), in one transaction without an audit entry: for the command line's bulk
 * work and the tests. People record steps through services/cases/recordCaseStep.ts.
 */
export async function recordEvent(
  store: Store,
  applicationId: number,
  event: ApplicationEvent,
  today: CalendarDay,
): Promise<CaseFile> {
  return store.db.transaction().execute((trx) => appendCaseEvent(trx, applicationId, event, today))
}
