import { can } from '../../domain/auth/permissions.js'
import type { Store } from '../../store/database.js'
import { listAgencies, listDepartments } from '../../store/agencyRepo.js'
import type { UserListed } from '../../store/userRepo.js'
import { findUserById, listUsersPage, principalOf } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError } from '../errors.js'

/** Accounts per page of the users list. */
const USERS_PAGE_SIZE = 50

export interface UsersForAdmin {
  /** one page of the accounts the actor manages (a system administrator: all) */
  users: (UserListed & { locked: boolean })[]
  /** how many accounts the actor manages in all, and which page this is */
  total: number
  pageNo: number
  pageSize: number
  /** the agencies the actor may create accounts in */
  agencies: { id: number; name: string }[]
  departments: { id: number; name: string; agencyId: number; agency: string }[]
}

/** The agencies and departments within the actor's reach (the choices of the account forms). */
async function reach(store: Store, actor: Actor) {
  const p = authorize(actor, 'user.read')
  const agencies = (await listAgencies(store.db))
    .filter((a) => can(p, 'user.read', { agencyId: a.id }))
    .map((a) => ({ id: a.id, name: a.name }))
  const ids = agencies.map((a) => a.id)
  const nameOf = new Map(agencies.map((a) => [a.id, a.name]))
  const departments = (await listDepartments(store.db, ids)).map((d) => ({
    id: d.id,
    name: d.name,
    agencyId: d.agencyId,
    agency: nameOf.get(d.agencyId) ?? '',
  }))
  return { p, agencies, departments, ids }
}

/** What the users page shows an administrator: a page of the accounts, and the agencies and departments in reach. */
export async function listUsersForAdmin({
  store,
  actor,
  pageNo = 1,
}: {
  store: Store
  actor: Actor
  pageNo?: number
}): Promise<UsersForAdmin> {
  const { p, agencies, departments, ids } = await reach(store, actor)
  const agencyIds = p.roles.includes('sysAdmin') ? null : ids
  const offset = (pageNo - 1) * USERS_PAGE_SIZE
  const { rows, total } = await listUsersPage(store.db, { agencyIds, offset, limit: USERS_PAGE_SIZE })
  const now = new Date().toISOString()
  const users = rows.map((u) => ({ ...u, locked: u.lockedUntil !== null && u.lockedUntil > now }))
  return { users, total, pageNo, pageSize: USERS_PAGE_SIZE, agencies, departments }
}

export interface UserForAdmin {
  id: number
  username: string
  displayName: string
  agencyId: number | null
  roles: string[]
  departmentIds: number[]
  supervisedRootId: number | null
  disabled: boolean
  mustChangePassword: boolean
  agencies: { id: number; name: string }[]
  departments: { id: number; name: string; agencyId: number; agency: string }[]
}

/** One account as its edit page shows it, with the choices of its roles and scope. */
export async function userForAdmin({
  store,
  actor,
  userId,
}: {
  store: Store
  actor: Actor
  userId: number
}): Promise<UserForAdmin> {
  const { p, agencies, departments, ids } = await reach(store, actor)
  const row = await findUserById(store.db, userId)
  const u = row ? principalOf(row) : null
  if (!row || !u || (!p.roles.includes('sysAdmin') && (u.agencyId === null || !ids.includes(u.agencyId))))
    throw new NotFoundError('该账号')
  return {
    id: u.userId,
    username: u.username,
    displayName: row.display_name,
    agencyId: u.agencyId,
    roles: [...u.roles],
    departmentIds: [...u.departmentIds],
    supervisedRootId: row.supervised_root_id === null ? null : Number(row.supervised_root_id),
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    agencies,
    departments,
  }
}
