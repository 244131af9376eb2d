import type { ExpressionBuilder, Kysely, RawBuilder, SqlBool } from 'kysely'
import { sql } from 'kysely'
import type { ListScope } from '../domain/auth/permissions.js'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { OPEN_STATES } from '../domain/application/states.js'
import type { Database } from './schema.js'
import { searchHashes } from './personalData/sealedStore.js'

/**
 * The list half of the one policy: a condition on `applications` that keeps only what the principal may see
 * (raw SQL so it fits any query over the applications table, joined or not).
 */
function scopeCondition(scope: ListScope): RawBuilder<SqlBool> {
  if (scope.allAgencies) return sql<SqlBool>`1 = 1`
  if (scope.agencyIds.length === 0) return sql<SqlBool>`1 = 0`
  const agencies = sql<SqlBool>`applications.agency_id in (${sql.join(scope.agencyIds)})`
  if (scope.departmentIds === null) return agencies
  if (scope.departmentIds.length === 0) return sql<SqlBool>`1 = 0`
  return sql<SqlBool>`(${agencies} and applications.department_id in (${sql.join(scope.departmentIds)}))`
}

export type DueFilter = 'overdue' | 'soon'

/** `today` and the last day that is still "due soon" (DUE_SOON_WITHIN working days on, by the calendar). */
export interface DueWindow {
  today: CalendarDay
  soonUntil: CalendarDay
}

/**
 * The stored copy of the clock's `overdue` and `dueSoon` (domain/application/clock.ts computeClock), as a
 * condition over `applications.due_by` (written by saveDerived from the clock, never by hand): an open case
 * is overdue when its deadline is before today, due soon when it falls between today and `soonUntil`.
 * The one definition both the dashboard and the application list use.
 */
export function dueCondition(due: DueFilter, w: DueWindow) {
  return (eb: ExpressionBuilder<Database, 'applications'>) =>
    eb.and([
      eb('applications.state', 'in', [...OPEN_STATES]),
      ...(due === 'overdue'
        ? [eb('applications.due_by', '<', w.today)]
        : [eb('applications.due_by', '>=', w.today), eb('applications.due_by', '<=', w.soonUntil)]),
    ])
}

export interface CaseListFilter {
  state: string
  channel: string
  due: DueFilter | ''
  q: string
  page: number
  /** one agency of those in scope (a supervisor's or system administrator's list); null or absent: all */
  agency?: number | null
}

export const PAGE_SIZE = 20

/** A case as the console's tables list it. */
export interface CaseListRow {
  id: number
  ref: string
  /** sealed as stored: services open it with the vault's withApplicantNames (decision 0045) */
  applicantName: string
  channel: string
  receivedOn: string
  state: string
  dueBy: string | null
  dueProvisional: boolean
  outcome: string | null
  department: string | null
  /** the agency's name (the list shows it when the scope spans agencies) */
  agency: string
}

function caseLines(db: Kysely<Database>, scope: ListScope) {
  return db
    .selectFrom('applications')
    .leftJoin('departments', 'departments.id', 'applications.department_id')
    .innerJoin('agencies', 'agencies.id', 'applications.agency_id')
    .where(scopeCondition(scope))
}

const LINE_COLUMNS = [
  'applications.id',
  'applications.ref',
  'applications.applicant_name',
  'applications.channel',
  'applications.received_on',
  'applications.state',
  'applications.due_by',
  'applications.due_provisional',
  'applications.outcome',
  'departments.name as department',
  'agencies.name as agency',
] as const

type LineRow = {
  id: number | string
  ref: string
  applicant_name: string
  channel: string
  received_on: string
  state: string
  due_by: string | null
  due_provisional: number | string
  outcome: string | null
  department: string | null
  agency: string
}

function toLine(r: LineRow): CaseListRow {
  return {
    id: Number(r.id),
    ref: r.ref,
    applicantName: r.applicant_name,
    channel: r.channel,
    receivedOn: r.received_on,
    state: r.state,
    dueBy: r.due_by,
    dueProvisional: Number(r.due_provisional) === 1,
    outcome: r.outcome,
    department: r.department,
    agency: r.agency,
  }
}

/** One page of the cases in scope, newest first, with the total that matches the filter. */
export async function listCaseRows(
  db: Kysely<Database>,
  scope: ListScope,
  f: CaseListFilter,
  window: DueWindow,
): Promise<{ rows: CaseListRow[]; total: number }> {
  let q = caseLines(db, scope)
  if (f.state) q = q.where('applications.state', '=', f.state)
  if (f.channel) q = q.where('applications.channel', '=', f.channel)
  if (f.agency) q = q.where('applications.agency_id', '=', f.agency)
  if (f.due) q = q.where(dueCondition(f.due, window))
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('applications.ref', 'like', like),
        // names and phone numbers through the keyed hash index only (decision 0045): a whole name or number
        eb('applications.id', 'in', (sub) =>
          sub
            .selectFrom('applicant_index')
            .select('applicant_index.application_id')
            .where('applicant_index.hash', 'in', [...searchHashes(f.q ?? ''), '-']),
        ),
        // a row written before sealing and not sealed yet (seal-existing runs at start): its whole name
        eb('applications.applicant_name', '=', f.q),
        eb('applications.description', 'like', like),
        eb('applications.query_code', '=', f.q),
      ]),
    )
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .select(LINE_COLUMNS)
    .orderBy('applications.received_on', 'desc')
    .orderBy('applications.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE)
    .execute()
  return { total: Number(total.n), rows: rows.map(toLine) }
}

/** The open cases in scope, by deadline (the first 200); only those due soon or overdue when `due` is given. */
export async function openCaseRows(
  db: Kysely<Database>,
  scope: ListScope,
  due?: { filter: DueFilter; window: DueWindow },
): Promise<CaseListRow[]> {
  let q = caseLines(db, scope).where('applications.state', 'in', [...OPEN_STATES])
  if (due) q = q.where(dueCondition(due.filter, due.window))
  const rows = await q.select(LINE_COLUMNS).orderBy('applications.due_by').limit(200).execute()
  return rows.map(toLine)
}

export interface MonthFigures {
  month: string
  received: number
  online: number
  answered: number
  open: number
  perDay: Map<number, number>
}

/** Figures of the dashboard for the month of `today`, within scope. */
export async function monthFigures(db: Kysely<Database>, scope: ListScope, today: CalendarDay): Promise<MonthFigures> {
  const month = today.slice(0, 7)
  const from = `${month}-01`
  const to = `${month}-31`
  const received = await db
    .selectFrom('applications')
    .where(scopeCondition(scope))
    .select(['applications.received_on', 'applications.channel'])
    .where('applications.received_on', '>=', from)
    .where('applications.received_on', '<=', to)
    .execute()
  const answered = await db
    .selectFrom('applications')
    .where(scopeCondition(scope))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('applications.concluded_on', '>=', from)
    .where('applications.concluded_on', '<=', to)
    .executeTakeFirstOrThrow()
  const open = await db
    .selectFrom('applications')
    .where(scopeCondition(scope))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('applications.state', 'in', [...OPEN_STATES])
    .executeTakeFirstOrThrow()
  const perDay = new Map<number, number>()
  for (const r of received) {
    const day = Number(r.received_on.slice(8, 10))
    perDay.set(day, (perDay.get(day) ?? 0) + 1)
  }
  return {
    month,
    received: received.length,
    online: received.filter((r) => r.channel === 'online').length,
    answered: Number(answered.n),
    open: Number(open.n),
    perDay,
  }
}

export interface NotificationLine {
  id: number
  message: string
  applicationId: number | null
}

/** The unread console notices (reminders) within scope, newest first. */
export async function unreadNotifications(db: Kysely<Database>, scope: ListScope): Promise<NotificationLine[]> {
  let q = db.selectFrom('notifications').select(['id', 'message', 'application_id']).where('read_at', 'is', null)
  if (!scope.allAgencies) {
    q = q.where('agency_id', 'in', scope.agencyIds.length ? scope.agencyIds : [-1])
    if (scope.departmentIds !== null)
      q = q.where('department_id', 'in', scope.departmentIds.length ? scope.departmentIds : [-1])
  }
  const rows = await q.orderBy('id', 'desc').limit(20).execute()
  return rows.map((n) => ({
    id: Number(n.id),
    message: n.message,
    applicationId: n.application_id === null ? null : Number(n.application_id),
  }))
}
