import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { computeClock } from '../domain/application/clock.js'
import type { ApplicationEvent } from '../domain/application/events.js'
import { appendChecked } from '../domain/application/rules.js'
import { stateOf } from '../domain/application/states.js'
import type { Kysely } from 'kysely'
import type { Store } from '../store/database.js'
import type { Database } from '../store/schema.js'
import { appendEvent, findApplication, loadEvents } from '../store/applicationRepo.js'
import { loadWorkCalendar } from '../store/calendarRepo.js'
import type { CaseFile } from './caseFile.js'
import { policyOf, saveDerived } from './caseFile.js'
import { NotFoundError } from './errors.js'

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
    const row = await findApplication(trx, applicationId)
    if (!row) throw new NotFoundError('申请')
    const agency = await trx
      .selectFrom('agencies')
      .select('settings')
      .where('id', '=', row.agency_id)
      .executeTakeFirstOrThrow()
    const policy = policyOf(agency.settings)
    const cal = await loadWorkCalendar(trx)
    const history = await loadEvents(trx, applicationId)
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
