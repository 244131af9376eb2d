import { addDays, daySchema } from '../../domain/calendar/calendarDay.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { AuditQuery } from '../../store/auditRepo.js'
import { auditActors, listAuditPage } from '../../store/auditRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import type { AuditVerification } from '../auditLog.js'
import { auditAccess, verifyAuditLog } from '../auditLog.js'
import type { FieldProblem } from '../errors.js'

/** Records per page of the audit log. */
const AUDIT_PAGE_SIZE = 50

/** The audit page's filter as typed: empty fields filter nothing; days are Beijing days. */
export interface AuditFilter {
  actor: string
  action: string
  from: string
  to: string
  page: number
}

export interface AuditLogForAdmin {
  rows: { seq: number; at: string; actor: string; ip: string; action: string; targetType: string; targetId: string }[]
  total: number
  pageNo: number
  pageSize: number
  /** the actors in the chain, for the filter's choices */
  actors: string[]
  verify: AuditVerification
  /** the filter's fields that could not be read (left out of the filter) */
  errors: FieldProblem[]
}

/** The first instant of a Beijing day (UTC+8, no daylight saving), as the chain stores instants. */
function beijingMidnight(day: CalendarDay): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString()
}

/** The filter as the store takes it, and the fields that could not be read (left out of it). */
export function auditQueryOf(filter: AuditFilter): {
  query: Omit<AuditQuery, 'offset' | 'limit'>
  errors: FieldProblem[]
} {
  // a day that is no day is named and left out of the filter (the page shows what the rest selects)
  const errors: FieldProblem[] = []
  const dayOf = (field: 'from' | 'to', label: string): CalendarDay | '' => {
    const text = filter[field].trim()
    if (!text) return ''
    // a filter, not a date of the law: an early day simply selects nothing
    const parsed = daySchema(label, { earliestYear: 1970 }).safeParse(text)
    if (parsed.success) return parsed.data
    errors.push(...parsed.error.issues.map((i) => ({ field, message: i.message })))
    return ''
  }
  const from = dayOf('from', '起始日期')
  const to = dayOf('to', '截止日期')
  if (from && to && from > to) errors.push({ field: 'to', message: '截止日期不能早于起始日期' })
  const query = {
    actor: filter.actor.trim() || undefined,
    action: filter.action || undefined,
    fromAt: from ? beijingMidnight(from) : undefined,
    toAt: to ? beijingMidnight(addDays(to, 1)) : undefined,
  }
  return { query, errors }
}

/** A page of the audit chain, filtered by actor, action and Beijing days, and whether the whole chain verifies. */
export async function auditLogForAdmin({
  store,
  actor,
  filter,
}: {
  store: Store
  actor: Actor
  filter: AuditFilter
}): Promise<AuditLogForAdmin> {
  authorize(actor, 'audit.read')
  const { query, errors } = auditQueryOf(filter)
  // looking at the log is itself recorded (issue 15 point 8)
  await auditAccess(store.db, actor, 'audit.view', {
    type: 'audit',
    id: 'log',
    detail: { ...query, page: filter.page },
  })
  const { rows, total } = await listAuditPage(store.db, {
    ...query,
    offset: (filter.page - 1) * AUDIT_PAGE_SIZE,
    limit: AUDIT_PAGE_SIZE,
  })
  return {
    rows: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      ip: r.ip,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
    })),
    total,
    pageNo: filter.page,
    pageSize: AUDIT_PAGE_SIZE,
    actors: await auditActors(store.db),
    verify: await verifyAuditLog(store.db),
    errors,
  }
}
