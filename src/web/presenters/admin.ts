import { roleLabel } from '../../domain/auth/roles.js'
import { auditActionLabel, auditActionOptions } from '../../domain/auditTrail/actions.js'
import type { AgenciesForAdmin } from '../../services/admin/listAgenciesForAdmin.js'
import type { AuditLogForAdmin } from '../../services/admin/auditLogForAdmin.js'
import type { CalendarForAdmin } from '../../services/admin/calendarForAdmin.js'
import type { UserForAdmin, UsersForAdmin } from '../../services/admin/listUsersForAdmin.js'

// What each admin page shows, field by field (no row is handed to a view whole).

export function presentCalendar(c: CalendarForAdmin) {
  return {
    years: c.years.map((y) => ({ year: y.year, source: y.source, createdBy: y.createdBy })),
    knownYears: c.knownYears,
    overrides: c.overrides.map((o) => ({ day: o.day, kind: o.kind, note: o.note, createdBy: o.createdBy })),
  }
}

export function presentUsers(u: UsersForAdmin) {
  return {
    users: u.users.map((x) => ({
      id: x.id,
      username: x.username,
      displayName: x.displayName,
      roles: x.roles.map(roleLabel).join('、'),
      agency: x.agency,
      locked: x.locked,
      disabled: x.disabled,
    })),
    total: u.total,
    pageNo: u.pageNo,
    pageSize: u.pageSize,
    agencies: u.agencies.map((a) => ({ id: a.id, name: a.name })),
    departments: u.departments.map((d) => ({ id: d.id, name: d.name, agency: d.agency })),
  }
}

export function presentUser(u: UserForAdmin) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    agency: u.agencies.find((a) => a.id === u.agencyId)?.name ?? null,
    roles: u.roles,
    departmentIds: u.departmentIds,
    supervisedRootId: u.supervisedRootId,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    agencies: u.agencies.map((a) => ({ id: a.id, name: a.name })),
    // a handler's departments are those of the account's own agency
    departments: u.departments.filter((d) => d.agencyId === u.agencyId).map((d) => ({ id: d.id, name: d.name })),
  }
}

export function presentAgencies(a: AgenciesForAdmin) {
  return {
    agencies: a.agencies.map((x) => ({
      id: x.id,
      name: x.name,
      code: x.code,
      departments: x.departments,
      parentId: x.parentId,
      parentName: x.parentName,
      kind: x.review.kind,
      kindSet: x.review.kindSet,
      reviewBody: x.review.body,
      reviewArticle: x.review.article,
      reviewSource: x.review.source,
      reviewMissing: x.review.missing ?? null,
      reviewConfirmed: x.review.confirmed,
      reviewBodySet: x.reviewBodySet,
      court: x.court,
      caseRefPrefix: x.caseRefPrefix,
      specialLawRow: x.specialLawRow,
      feeNoticePauses: x.clock.feeNoticePauses,
      nextWorkingDay: x.clock.nextWorkingDay,
      closesAt: x.clock.closesAt,
    })),
    canAddAgency: a.canAddAgency,
  }
}

/** An instant of the chain (UTC) as Beijing time reads it: 2026-12-04 09:30:00 (UTC+8, no daylight saving). */
function beijingTime(iso: string): string {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

export function presentAuditLog(a: AuditLogForAdmin) {
  return {
    rows: a.rows.map((r) => ({
      seq: r.seq,
      at: beijingTime(r.at),
      actor: r.actor,
      ip: r.ip,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      targetType: r.targetType,
      targetId: r.targetId,
    })),
    total: a.total,
    pageNo: a.pageNo,
    pageSize: a.pageSize,
    actors: a.actors,
    actions: auditActionOptions(),
    verify: {
      ok: a.verify.ok,
      count: a.verify.count,
      problems: a.verify.problems.map((p) => ({ message: p.message })),
      anchor: a.verify.anchor
        ? { n: a.verify.anchor.n, seq: a.verify.anchor.seq, at: beijingTime(a.verify.anchor.at) }
        : null,
    },
    errors: a.errors,
  }
}
