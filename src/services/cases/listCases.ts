import { listScope } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { CaseListFilter, CaseListRow } from '../../store/caseQueryRepo.js'
import { listCaseRows, PAGE_SIZE } from '../../store/caseQueryRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { dueWindow } from './dueWindow.js'
import { withApplicantNames } from '../personalData/vault.js'

export type { CaseListRow } from '../../store/caseQueryRepo.js'

export interface ListCasesProps {
  store: Store
  actor: Actor
  filter: CaseListFilter
  today: CalendarDay
}

export interface CaseList {
  rows: CaseListRow[]
  total: number
  pageSize: number
  /** the agencies in scope when they reach beyond the actor's own (a supervisor, a system administrator): the 机关 column and filter */
  agencies: { id: number; name: string }[] | null
}

/** One page of the cases the actor may read, filtered (agency, state, channel, due soon or overdue, a search). */
export async function listCases({ store, actor, filter, today }: ListCasesProps): Promise<CaseList> {
  const p = authorize(actor, 'case.read')
  const scope = listScope(p, 'case.read')
  const { rows, total } = await listCaseRows(store.db, scope, filter, await dueWindow(store, today))
  // a list that reaches beyond the actor's own agency (a supervisor's, a system administrator's) names each case's
  const beyondOwn = scope.allAgencies || scope.agencyIds.some((id) => id !== p.agencyId)
  const agencies = beyondOwn
    ? (await listAgencies(store.db))
        .filter((a) => scope.allAgencies || scope.agencyIds.includes(a.id))
        .map((a) => ({ id: a.id, name: a.name }))
    : null
  return { rows: await withApplicantNames(store.db, rows), total, pageSize: PAGE_SIZE, agencies }
}
