import { can } from '../../domain/auth/permissions.js'
import type { Store } from '../../store/database.js'
import { listAgencies, listDepartments } from '../../store/agencyRepo.js'
import type { UserListed } from '../../store/userRepo.js'
import { listUsers } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'

export interface UsersForAdmin {
  /** the accounts the actor manages (a system administrator: all) */
  users: (UserListed & { locked: boolean })[]
  /** the agencies the actor may create accounts in */
  agencies: { id: number; name: string }[]
  departments: { id: number; name: string; agency: string }[]
}

/** What the users page shows an administrator: the accounts, agencies and departments within their reach. */
export async function listUsersForAdmin({ store, actor }: { store: Store; actor: Actor }): Promise<UsersForAdmin> {
  const p = authorize(actor, 'user.manage')
  const agencies = (await listAgencies(store.db))
    .filter((a) => can(p, 'user.manage', { agencyId: a.id }))
    .map((a) => ({ id: a.id, name: a.name }))
  const ids = agencies.map((a) => a.id)
  const nameOf = new Map(agencies.map((a) => [a.id, a.name]))
  const departments = (await listDepartments(store.db, ids)).map((d) => ({
    id: d.id,
    name: d.name,
    agency: nameOf.get(d.agencyId) ?? '',
  }))
  const now = new Date().toISOString()
  const users = (await listUsers(store.db))
    .filter((u) => p.roles.includes('sysAdmin') || (u.agencyId !== null && ids.includes(u.agencyId)))
    .map((u) => ({ ...u, locked: u.lockedUntil !== null && u.lockedUntil > now }))
  return { users, agencies, departments }
}
