import type { Kysely } from 'kysely'
import type { ApplicationClock } from '../domain/application/clock.js'
import type { ApplicationEvent } from '../domain/application/events.js'
import type { CaseState } from '../domain/application/states.js'
import { stateOf } from '../domain/application/states.js'
import type { ApplicationRow } from '../store/applicationRepo.js'
import { updateDerived } from '../store/applicationRepo.js'
import type { Database } from '../store/schema.js'
import { caseReportFacts } from '../domain/report/caseFacts.js'
import { updateReportFacts } from '../store/reportFactsRepo.js'

/** A case as everyone sees it: its row, its history, its state and every computed date. */
export interface CaseFile {
  row: ApplicationRow
  events: ApplicationEvent[]
  state: CaseState
  clock: ApplicationClock
}

function lastDepartment(events: readonly ApplicationEvent[]): number | null {
  let dept: number | null = null
  for (const e of events) if (e.kind === 'assigned') dept = e.departmentId
  return dept
}

/** Writes the stored copies of derived facts from the clock: the only writer of those columns. */
export async function saveDerived(
  db: Kysely<Database>,
  id: number,
  events: readonly ApplicationEvent[],
  clock: ApplicationClock,
): Promise<void> {
  await updateDerived(db, id, {
    state: stateOf(events),
    outcome: clock.outcome,
    concludedOn: clock.concludedOn,
    dueBy: clock.deadline?.day ?? null,
    dueProvisional: clock.provisional,
    departmentId: lastDepartment(events),
  })
  await updateReportFacts(db, id, caseReportFacts(events, clock))
}
