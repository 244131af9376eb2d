import type { Kysely, RawBuilder, SqlBool } from 'kysely'
import { sql } from 'kysely'
import type { ListScope } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { OPEN_STATES } from '../../domain/application/states.js'
import type { Database } from '../../store/schema.js'

/**
 * The list half of the one policy: a condition on `applications` that keeps only what the principal may see
 * (raw SQL so it fits any query over the applications table, joined or not).
 */
export function scopeCondition(scope: ListScope): RawBuilder<SqlBool> {
  if (scope.allAgencies) return sql<SqlBool>`1 = 1`
  if (scope.agencyIds.length === 0) return sql<SqlBool>`1 = 0`
  const agencies = sql<SqlBool>`applications.agency_id in (${sql.join(scope.agencyIds)})`
  if (scope.departmentIds === null) return agencies
  if (scope.departmentIds.length === 0) return sql<SqlBool>`1 = 0`
  return sql<SqlBool>`(${agencies} and applications.department_id in (${sql.join(scope.departmentIds)}))`
}

export interface ListFilter {
  state?: string
  channel?: string
  due?: 'soon' | 'overdue' | ''
  q?: string
  agencyId?: number
  page: number
}

export const PAGE_SIZE = 20

export async function listApplications(
  db: Kysely<Database>,
  scope: ListScope,
  f: ListFilter,
  today: CalendarDay,
  soonUntil: CalendarDay,
) {
  let q = db
    .selectFrom('applications')
    .leftJoin('departments', 'departments.id', 'applications.department_id')
    .where(scopeCondition(scope))
  if (f.state) q = q.where('applications.state', '=', f.state)
  if (f.channel) q = q.where('applications.channel', '=', f.channel)
  if (f.agencyId) q = q.where('applications.agency_id', '=', f.agencyId)
  if (f.due === 'overdue')
    q = q.where('applications.state', 'in', [...OPEN_STATES]).where('applications.due_by', '<', today)
  if (f.due === 'soon') {
    q = q
      .where('applications.state', 'in', [...OPEN_STATES])
      .where('applications.due_by', '>=', today)
      .where('applications.due_by', '<=', soonUntil)
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('applications.ref', 'like', like),
        eb('applications.applicant_name', 'like', like),
        eb('applications.description', 'like', like),
        eb('applications.query_code', '=', f.q ?? ''),
      ]),
    )
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .select([
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
    ])
    .orderBy('applications.received_on', 'desc')
    .orderBy('applications.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE)
    .execute()
  return { total: Number(total.n), rows }
}

/** Figures of the dashboard for the month of `today`, within scope. */
export async function monthFigures(db: Kysely<Database>, scope: ListScope, today: CalendarDay) {
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
  for (const r of received)
    perDay.set(Number(r.received_on.slice(8, 10)), (perDay.get(Number(r.received_on.slice(8, 10))) ?? 0) + 1)
  return {
    month,
    received: received.length,
    online: received.filter((r) => r.channel === 'online').length,
    answered: Number(answered.n),
    open: Number(open.n),
    perDay,
  }
}

export async function openCases(db: Kysely<Database>, scope: ListScope) {
  return db
    .selectFrom('applications')
    .leftJoin('departments', 'departments.id', 'applications.department_id')
    .where(scopeCondition(scope))
    .select([
      'applications.id',
      'applications.ref',
      'applications.applicant_name',
      'applications.state',
      'applications.due_by',
      'applications.due_provisional',
      'applications.received_on',
      'departments.name as department',
    ])
    .where('applications.state', 'in', [...OPEN_STATES])
    .orderBy('applications.due_by')
    .limit(200)
    .execute()
}

export async function notificationsFor(db: Kysely<Database>, scope: ListScope) {
  let q = db.selectFrom('notifications').selectAll().where('read_at', 'is', null)
  if (!scope.allAgencies) {
    q = q.where('agency_id', 'in', scope.agencyIds.length ? scope.agencyIds : [-1])
    if (scope.departmentIds !== null)
      q = q.where('department_id', 'in', scope.departmentIds.length ? scope.departmentIds : [-1])
  }
  return q.orderBy('id', 'desc').limit(20).execute()
}
