import type { Store } from '../../store/database.js'
import { listEnteredYears, listOverrides, loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'

export interface CalendarForAdmin {
  years: { year: number; source: string; createdBy: string | null }[]
  knownYears: number[]
  overrides: { day: string; kind: string; note: string; createdBy: string | null }[]
}

/** The calendar as entered: whole years from notices, single-day overrides, and every year known. */
export async function calendarForAdmin({ store, actor }: { store: Store; actor: Actor }): Promise<CalendarForAdmin> {
  authorize(actor, 'calendar.manage')
  const cal = await loadWorkCalendar(store.db)
  return {
    years: (await listEnteredYears(store.db)).map((y) => ({
      year: Number(y.year),
      source: y.source,
      createdBy: y.created_by,
    })),
    knownYears: [...cal.knownYears].sort(),
    overrides: (await listOverrides(store.db)).map((o) => ({
      day: o.day,
      kind: o.kind,
      note: o.note,
      createdBy: o.created_by,
    })),
  }
}
