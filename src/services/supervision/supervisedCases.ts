import { OUTCOMES } from '../../domain/application/outcomes.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Period } from '../../domain/supervision/period.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { CountedFact } from '../../store/reportRepo.js'
import type { CountedCaseRow } from '../../store/supervisionRepo.js'
import { countedCaseRows } from '../../store/supervisionRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { dueWindow } from '../cases/dueWindow.js'
import { NotFoundError } from '../errors.js'

/** The figures a supervisor may open, with the words the drill-down page heads its list with. */
export const DRILL_FACTS = {
  received: '收到申请',
  answered: '办结（答复）',
  late: '逾期答复',
  overdue: '目前超期未办',
  corrected: '被复议或诉讼纠正',
} as const
type NamedFact = keyof typeof DRILL_FACTS
export type DrillFact = NamedFact | `group:${string}`

const isNamed = (s: string): s is NamedFact => s in DRILL_FACTS

export function isDrillFact(s: string): s is DrillFact {
  return isNamed(s) || (s.startsWith('group:') && OUTCOMES.some((o) => o.group.endsWith(s.slice(6))))
}

/** An outcome group as the report's chart names it (予以公开 …) → its outcome codes. */
function factOf(f: DrillFact): CountedFact | 'overdue' {
  if (isNamed(f)) return f
  const name = f.slice(6)
  return { outcomes: OUTCOMES.filter((o) => o.group.endsWith(name)).map((o) => o.code) }
}

export function drillFactLabel(f: DrillFact): string {
  return isNamed(f) ? DRILL_FACTS[f] : `答复结果：${f.slice(6)}`
}

/**
 * The cases behind one figure of one agency: only an agency the actor may read cases of (a supervisor's
 * subtree); any other answers "not found", never an empty list that would say it has none.
 */
export async function supervisedCases(props: {
  store: Store
  actor: Actor
  agencyId: number
  period: Period
  fact: DrillFact
  today: CalendarDay
}): Promise<{ agency: string; rows: CountedCaseRow[] }> {
  const { store, agencyId, period } = props
  const agency = await findAgencyById(store.db, agencyId)
  if (!agency) throw new NotFoundError('该机关')
  authorize(props.actor, 'supervision.read', { agencyId })
  authorize(props.actor, 'case.read', { agencyId })
  const rows = await countedCaseRows(
    store.db,
    agencyId,
    { from: period.from, to: period.to },
    factOf(props.fact),
    await dueWindow(store, props.today),
  )
  return { agency: agency.name, rows }
}
