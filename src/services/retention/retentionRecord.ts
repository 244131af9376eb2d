import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { RetentionRunLine } from '../../store/retentionRepo.js'
import { listRetentionRuns, retentionTotalsByAgency } from '../../store/retentionRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'

export const RUNS_PER_PAGE = 20

export interface RetentionRecord {
  runs: RetentionRunLine[]
  total: number
  pageNo: number
  /** per agency the actor sees: cases anonymised so far and the last day one was */
  agencies: { id: number; name: string; cases: number; lastOn: string | null }[]
}

/** What the retention job did (decision 0048): its runs, newest first, and the totals of the actor's agencies. */
export async function retentionRecord(p: { store: Store; actor: Actor; pageNo: number }): Promise<RetentionRecord> {
  const who = authorize(p.actor, 'case.read')
  const all = await listAgencies(p.store.db)
  const seen = who.agencyId === null ? all : all.filter((a) => a.id === who.agencyId)
  const totals = await retentionTotalsByAgency(
    p.store.db,
    seen.map((a) => a.id),
  )
  const { runs, total } = await listRetentionRuns(p.store.db, {
    limit: RUNS_PER_PAGE,
    offset: (Math.max(1, p.pageNo) - 1) * RUNS_PER_PAGE,
  })
  return {
    runs,
    total,
    pageNo: Math.max(1, p.pageNo),
    agencies: seen.map((a) => {
      const t = totals.find((x) => x.agencyId === a.id)
      return { id: a.id, name: a.name, cases: t?.cases ?? 0, lastOn: t?.lastOn ?? null }
    }),
  }
}
