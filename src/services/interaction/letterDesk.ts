import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { can, listScope } from '../../domain/auth/permissions.js'
import { isOverdue, mayPublish } from '../../domain/interaction/letters.js'
import type { Store } from '../../store/database.js'
import { findLetter, listLetters, listPublishedLetters } from '../../store/letterRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError } from '../errors.js'

/** The console's list of letters the actor may see: open ones first by last day, overdue marked. */
export async function letterDesk(p: { store: Store; actor: Actor; today: CalendarDay; open: boolean }) {
  const principal = authorize(p.actor, 'interaction.read')
  const scope = listScope(principal, 'interaction.read')
  const rows = await listLetters(p.store.db, {
    agencyIds: scope.allAgencies ? null : scope.agencyIds,
    departmentIds: scope.departmentIds,
    open: p.open,
    limit: 200,
  })
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    overdue: isOverdue({ status: r.status, dueOn: r.due_on as CalendarDay }, p.today),
  }))
}

/** One letter for the console, with the agency's departments and what the actor may do on it. */
export async function letterForStaff(p: { store: Store; actor: Actor; letterId: number; today: CalendarDay }) {
  const l = await findLetter(p.store.db, p.letterId)
  if (!l) throw new NotFoundError('该来信')
  const resource = { agencyId: Number(l.agency_id), departmentId: l.department_id }
  const principal = authorize(p.actor, 'interaction.read', resource)
  const departments = await p.store.db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('agency_id', '=', l.agency_id)
    .orderBy('id')
    .execute()
  const overdue = isOverdue({ status: l.status, dueOn: l.due_on as CalendarDay }, p.today)
  const manage = can(principal, 'interaction.manage', resource)
  return {
    letter: { ...l, id: Number(l.id) },
    departments: departments.map((d) => ({ id: Number(d.id), name: d.name })),
    overdue,
    may: {
      route: manage && l.status !== 'answered',
      answer: can(principal, 'interaction.handle', resource) && l.status !== 'answered',
      supervise: manage && overdue,
      publish:
        manage &&
        l.published === 0 &&
        mayPublish({ kind: l.kind, wantsPublic: l.wants_public === 1, status: l.status }),
    },
  }
}

/** The portal's published letters (咨询/建议 with consent, personal data removed). */
export async function publishedLetters(store: Store) {
  return listPublishedLetters(store.db, null, 50)
}
