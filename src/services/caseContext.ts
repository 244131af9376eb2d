import type { Kysely } from 'kysely'
import { clockPolicyOf } from '../domain/agency/settings.js'
import type { ApplicationClock, ClockPolicy } from '../domain/application/clock.js'
import { computeClock } from '../domain/application/clock.js'
import type { ApplicationEvent } from '../domain/application/events.js'
import type { CaseState } from '../domain/application/states.js'
import { stateOf } from '../domain/application/states.js'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import type { WorkCalendar } from '../domain/calendar/workCalendar.js'
import type { Agency } from '../store/agencyRepo.js'
import { findAgencyById } from '../store/agencyRepo.js'
import type { ApplicationRow } from '../store/applicationRepo.js'
import { findApplication, loadEvents } from '../store/applicationRepo.js'
import { loadWorkCalendar } from '../store/calendarRepo.js'
import type { Database } from '../store/schema.js'
import { NotFoundError } from './errors.js'

/** Everything a rule about one case needs: its row and history, its agency and policy, the calendar, the clock. */
export interface CaseContext {
  row: ApplicationRow
  agency: Agency
  policy: ClockPolicy
  cal: WorkCalendar
  events: ApplicationEvent[]
  state: CaseState
  clock: ApplicationClock
}

/**
 * The one assembly of a case's context (inside a transaction when given one): the clock is computed as of
 * `today`, from the history and the agency's own policy.
 */
export async function loadCaseContext(db: Kysely<Database>, id: number, today: CalendarDay): Promise<CaseContext> {
  const row = Number.isSafeInteger(id) ? await findApplication(db, id) : undefined
  if (!row) throw new NotFoundError('申请')
  const agency = await findAgencyById(db, Number(row.agency_id))
  if (!agency) throw new NotFoundError('机关')
  const policy = clockPolicyOf(agency.settings)
  const cal = await loadWorkCalendar(db)
  const events = await loadEvents(db, id)
  return { row, agency, policy, cal, events, state: stateOf(events), clock: computeClock(events, cal, today, policy) }
}
