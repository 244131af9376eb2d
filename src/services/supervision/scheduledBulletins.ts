import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { lastClosedQuarter } from '../../domain/supervision/period.js'
import { DEFAULT_WEIGHTS } from '../../domain/supervision/score.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { findBulletin } from '../../store/supervisionRepo.js'
import { systemActor } from '../actor.js'
import { generateBulletin } from './bulletins.js'

/**
 * The scheduled job's part: a draft 通报 of the last closed quarter for each top agency with agencies under
 * it, where none exists yet (a supervisor edits and publishes it). Returns how many were made.
 */
export async function generateScheduledBulletins(store: Store, today: CalendarDay): Promise<number> {
  const q = lastClosedQuarter(today)
  const all = await listAgencies(store.db)
  const roots = all.filter((a) => a.parentId === null && all.some((c) => c.parentId === a.id))
  let made = 0
  for (const root of roots) {
    if (q.quarter === null || (await findBulletin(store.db, root.id, q.year, q.quarter))) continue
    const actor = systemActor('scheduler')
    await generateBulletin({
      store,
      actor,
      rootId: root.id,
      year: q.year,
      quarter: q.quarter,
      weights: DEFAULT_WEIGHTS,
      today,
    })
    made++
  }
  return made
}
