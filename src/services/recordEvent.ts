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

/**
 * Every step of a case after registration (assign, supplement, consultation, fee, extension, answer,
 * delivery, withdrawal, archive): checked against the law, appended, and the derived facts refreshed,
 * in one transaction. A rejected command leaves nothing behind.
 */
export async function recordEvent(
  store: Store,
  applicationId: number,
  event: ApplicationEvent,
  today: CalendarDay,
  /** more work in the same transaction (e.g. the audit record), so the step and it commit together */
  within?: (trx: Kysely<Database>, file: CaseFile) => Promise<void>,
): Promise<CaseFile> {
  return store.db.transaction().execute(async (trx) => {
    const { row, policy, cal, events: history } = await loadCaseContext(trx, applicationId, today)
    const events = appendChecked(history, event, cal, policy)
    await appendEvent(trx, applicationId, history.length, event)
    const clock = computeClock(events, cal, today, policy)
    await saveDerived(trx, applicationId, events, clock)
    const updated = await findApplication(trx, applicationId)
    const file: CaseFile = { row: updated ?? row, events, state: stateOf(events), clock }
    if (within) await within(trx, file)
    return file
  })
}
