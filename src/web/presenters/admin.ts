import { roleLabel } from '../../domain/auth/roles.js'
import { auditActionLabel } from '../../domain/auditTrail/actions.js'
import type { AgenciesForAdmin } from '../../services/admin/listAgenciesForAdmin.js'
import type { AuditLogForAdmin } from '../../services/admin/auditLogForAdmin.js'
import type { CalendarForAdmin } from '../../services/admin/calendarForAdmin.js'
import type { UsersForAdmin } from '../../services/admin/listUsersForAdmin.js'

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
    agencies: u.agencies.map((a) => ({ id: a.id, name: a.name })),
    departments: u.departments.map((d) => ({ id: d.id, name: d.name, agency: d.agency })),
  }
}

export function presentAgencies(a: AgenciesForAdmin) {
  return {
    agencies: a.agencies.map((x) => ({ id: x.id, name: x.name, code: x.code, departments: x.departments })),
    canAddAgency: a.canAddAgency,
  }
}

export function presentAuditLog(a: AuditLogForAdmin) {
  return {
    rows: a.rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      ip: r.ip,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      targetType: r.targetType,
      targetId: r.targetId,
    })),
    verify: {
      ok: a.verify.ok,
      count: a.verify.count,
      problems: a.verify.problems.map((p) => ({ message: p.message })),
    },
  }
}
