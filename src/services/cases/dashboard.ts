import { can, listScope } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { CaseListRow, MonthFigures, NotificationLine } from '../../store/caseQueryRepo.js'
import { monthFigures, openCaseRows, unreadNotifications } from '../../store/caseQueryRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { dueWindow } from './dueWindow.js'
import { awaitingMyReview } from '../catalog/staffDocuments.js'
import type { ReportDeadlineLine } from '../report/reportDeadlines.js'
import { reportDeadlines } from '../report/reportDeadlines.js'
import type { InteractionPanel } from '../interaction/interactionFigures.js'
import { interactionPanel } from '../interaction/interactionFigures.js'
import { withApplicantNames } from '../personalData/vault.js'

export interface Dashboard {
  tasks: CaseListRow[]
  dueSoon: CaseListRow[]
  overdue: CaseListRow[]
  figures: MonthFigures | null
  notifications: NotificationLine[]
  /** last year's annual reports not yet published, with their deadline (条例第四十九条); the office's, not a handler's */
  reports: ReportDeadlineLine[]
  /** documents waiting for the actor's publication review (待我审核) */
  awaitingReview: number
  /** 政民互动 of the year per month, with the letters' two rates and reminders (issue 16); null for who may not read it */
  interaction?: InteractionPanel | null
}

export interface DashboardProps {
  store: Store
  actor: Actor
  today: CalendarDay
}

const EMPTY: Omit<Dashboard, 'awaitingReview'> = {
  tasks: [],
  dueSoon: [],
  overdue: [],
  figures: null,
  notifications: [],
  reports: [],
}

/**
 * The console's first page: the month's figures, the cases overdue and due soon (the stored deadlines, read
 * by the one due condition), the actor's own tasks and unread reminders. Empty for who may not read cases.
 */
export async function dashboard({ store, actor, today }: DashboardProps): Promise<Dashboard> {
  const p = authorize(actor, 'console.view')
  const awaitingReview = await awaitingMyReview({ store, actor })
  const interaction = await interactionPanel({ store, actor, today })
  if (!can(p, 'case.read')) return { ...EMPTY, awaitingReview, interaction }
  const scope = listScope(p, 'case.read')
  const window = await dueWindow(store, today)
  const open = await withApplicantNames(store.db, await openCaseRows(store.db, scope))
  // my tasks: a handler's are the cases of their departments; the office's, cases not yet routed or waiting on it
  const handlerOnly = p.roles.includes('handler') && !p.roles.includes('office')
  const tasks = handlerOnly
    ? open
    : open.filter((r) => r.state === 'registered' || r.department === null || r.state === 'inProgress')
  return {
    awaitingReview,
    interaction,
    tasks,
    overdue: await withApplicantNames(store.db, await openCaseRows(store.db, scope, { filter: 'overdue', window })),
    dueSoon: await withApplicantNames(store.db, await openCaseRows(store.db, scope, { filter: 'soon', window })),
    figures: await monthFigures(store.db, scope, today),
    notifications: await unreadNotifications(store.db, scope),
    reports: handlerOnly ? [] : await unpublishedReports(store, today, scope.allAgencies ? null : scope.agencyIds),
  }
}

/** Last year's reports not yet published, the nearest deadline first; a supervisor of many sees the first 20. */
async function unpublishedReports(store: Store, today: CalendarDay, agencyIds: number[] | null) {
  const lines = await reportDeadlines(store, today, agencyIds)
  return lines
    .filter((r) => r.state !== 'published')
    .sort((a, b) => a.daysLeft - b.daysLeft)
    .slice(0, 20)
}
