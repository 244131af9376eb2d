import type { Kysely } from 'kysely'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { computeClock, DEFAULT_CLOCK_POLICY } from '../domain/application/clock.js'
import { clockPolicyOf } from '../domain/agency/settings.js'
import { listAgencies } from '../store/agencyRepo.js'
import { OPEN_STATES } from '../domain/application/states.js'
import { findApplication, listOpenApplicationIds, loadEvents } from '../store/applicationRepo.js'
import { loadWorkCalendar } from '../store/calendarRepo.js'
import type { Database } from '../store/schema.js'
import { saveDerived } from './caseFile.js'

/**
 * Recomputes the stored due dates of every open case: called whenever the calendar changes, so that a
 * year entered or a day corrected reaches every case at once. Returns how many were refreshed.
 */
export async function refreshOpenCases(db: Kysely<Database>, today: CalendarDay): Promise<number> {
  const cal = await loadWorkCalendar(db)
  const ids = await listOpenApplicationIds(db, OPEN_STATES)
  const policies = new Map((await listAgencies(db)).map((a) => [a.id, clockPolicyOf(a.settings)]))
  for (const id of ids) {
    const row = await findApplication(db, id)
    if (!row) continue
    const events = await loadEvents(db, id)
    const clock = computeClock(events, cal, today, policies.get(Number(row.agency_id)) ?? DEFAULT_CLOCK_POLICY)
    await saveDerived(db, id, events, clock)
  }
  return ids.length
}
