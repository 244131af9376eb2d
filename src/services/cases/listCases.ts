import { listScope } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { CaseListFilter, CaseListRow } from '../../store/caseQueryRepo.js'
import { listCaseRows, PAGE_SIZE } from '../../store/caseQueryRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { dueWindow } from './dueWindow.js'

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
}

/** One page of the cases the actor may read, filtered (state, channel, due soon or overdue, a search). */
export async function listCases({ store, actor, filter, today }: ListCasesProps): Promise<CaseList> {
  const p = authorize(actor, 'case.read')
  const { rows, total } = await listCaseRows(store.db, listScope(p, 'case.read'), filter, await dueWindow(store, today))
  return { rows, total, pageSize: PAGE_SIZE }
}
