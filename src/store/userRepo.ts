import type { Kysely, Selectable } from 'kysely'
import type { Principal, Role } from '../domain/auth/roles.js'
import { isRole } from '../domain/auth/roles.js'
import { nowIso } from './database.js'
import type { Database, UserTable } from './schema.js'

// The one place accounts are read and written. Roles and scopes are JSON columns: read here, once.

export type UserRow = Selectable<UserTable>

function jsonArray(text: string | null | undefined): unknown[] {
  try {
    const v: unknown = JSON.parse(text ?? '[]')
    return Array.isArray(v) ? v : []
  } catch {
    return []
  }
}

function jsonNumbers(text: string | null | undefined): number[] {
  return jsonArray(text)
    .map(Number)
    .filter((n) => Number.isInteger(n))
}

export function rolesOf(u: Pick<UserRow, 'roles'>): Role[] {
  return jsonArray(u.roles).filter((r): r is Role => typeof r === 'string' && isRole(r))
}

/**
 * Who an account is, for the permission table: roles and the agencies and departments they reach. A
 * supervisor reaches `supervised`: the subtree of their granted root (supervisedSubtree), computed by the caller.
 */
export function principalOf(u: UserRow, supervised: readonly number[] = []): Principal {
  const departments = new Set(jsonNumbers(u.department_ids))
  if (u.department_id !== null) departments.add(Number(u.department_id))
  return {
    userId: Number(u.id),
    username: u.username,
    roles: rolesOf(u),
    agencyId: u.agency_id === null ? null : Number(u.agency_id),
    departmentIds: [...departments],
    supervisedAgencyIds: rolesOf(u).includes('supervisor') ? [...supervised] : [],
  }
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  if (!Number.isSafeInteger(id)) return undefined
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** How many of `departmentIds` belong to the agency. */
export async function countAgencyDepartments(
  db: Kysely<Database>,
  agencyId: number,
  departmentIds: readonly number[],
): Promise<number> {
  if (departmentIds.length === 0) return 0
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('id', 'in', [...departmentIds])
    .execute()
  return rows.length
}

export interface NewUser {
  agencyId: number | null
  username: string
  displayName: string
  passwordHash: string
  roles: readonly Role[]
  departmentIds: readonly number[]
  supervisedRootId: number | null
  mustChangePassword: boolean
}

export async function insertUser(db: Kysely<Database>, u: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      agency_id: u.agencyId,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      roles: JSON.stringify(u.roles),
      department_id: u.departmentIds[0] ?? null,
      department_ids: JSON.stringify(u.departmentIds),
      supervised_root_id: u.supervisedRootId,
      must_change_password: u.mustChangePassword ? 1 : 0,
      password_changed_at: nowIso(),
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

interface AccessChange {
  roles: readonly Role[]
  departmentIds?: readonly number[]
  supervisedRootId?: number | null
  disabled?: boolean
}

export async function updateUserAccess(db: Kysely<Database>, id: number, c: AccessChange): Promise<void> {
  await db
    .updateTable('users')
    .set({
      roles: JSON.stringify(c.roles),
      ...(c.departmentIds
        ? { department_ids: JSON.stringify(c.departmentIds), department_id: c.departmentIds[0] ?? null }
        : {}),
      ...(c.supervisedRootId !== undefined ? { supervised_root_id: c.supervisedRootId } : {}),
      ...(c.disabled !== undefined ? { disabled: c.disabled ? 1 : 0 } : {}),
    })
    .where('id', '=', id)
    .execute()
}

export async function setUserDisabled(db: Kysely<Database>, id: number, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('id', '=', id)
    .execute()
}

export async function setPasswordHash(db: Kysely<Database>, id: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: 0, password_changed_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

export interface UserListed {
  id: number
  username: string
  displayName: string
  roles: Role[]
  lockedUntil: string | null
  disabled: boolean
  agencyId: number | null
  agency: string | null
}

/** Which accounts a list shows: all (null), or those of some agencies; and which page of them. */
export interface UserPageQuery {
  agencyIds: readonly number[] | null
  offset: number
  limit: number
}

/** One page of the accounts in reach, by id, and how many there are in all. */
export async function listUsersPage(
  db: Kysely<Database>,
  q: UserPageQuery,
): Promise<{ rows: UserListed[]; total: number }> {
  let base = db.selectFrom('users').leftJoin('agencies', 'agencies.id', 'users.agency_id')
  if (q.agencyIds !== null) base = base.where('users.agency_id', 'in', q.agencyIds.length ? [...q.agencyIds] : [-1])
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base.select(USER_LIST_COLUMNS).orderBy('users.id').limit(q.limit).offset(q.offset).execute()
  return { rows: rows.map(toListed), total: Number(total.n) }
}

/** An administrator's reset: a temporary password that must be changed at the next login. */
export async function setTemporaryPassword(db: Kysely<Database>, id: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: 1,
      password_changed_at: nowIso(),
      failed_logins: 0,
      locked_until: null,
    })
    .where('id', '=', id)
    .execute()
}

const USER_LIST_COLUMNS = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.roles',
  'users.locked_until',
  'users.disabled',
  'users.agency_id',
  'agencies.name as agency',
] as const

function toListed(u: {
  id: number | string
  username: string
  display_name: string
  roles: string
  locked_until: string | null
  disabled: number
  agency_id: number | string | null
  agency: string | null
}): UserListed {
  return {
    id: Number(u.id),
    username: u.username,
    displayName: u.display_name,
    roles: rolesOf(u),
    lockedUntil: u.locked_until,
    disabled: u.disabled === 1,
    agencyId: u.agency_id === null ? null : Number(u.agency_id),
    agency: u.agency,
  }
}
