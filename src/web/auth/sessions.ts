import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Principal, Role } from '../../domain/auth/roles.js'
import { isRole } from '../../domain/auth/roles.js'
import type { SessionVerdict } from '../../domain/auth/sessionRules.js'
import { sessionVerdict } from '../../domain/auth/sessionRules.js'
import type { Database, UserTable } from '../../store/schema.js'
import type { Selectable } from 'kysely'

export const SESSION_COOKIE = 'gk_session'
/** last_seen_at is written at most this often (one write a minute, not one per request) */
const TOUCH_EVERY_MS = 60_000

function idOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

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

export function principalOf(u: Selectable<UserTable>): Principal {
  const roles: Role[] = jsonArray(u.roles).filter((r): r is Role => typeof r === 'string' && isRole(r))
  const departments = new Set(jsonNumbers(u.department_ids))
  if (u.department_id !== null) departments.add(Number(u.department_id))
  return {
    userId: Number(u.id),
    username: u.username,
    roles,
    agencyId: u.agency_id === null ? null : Number(u.agency_id),
    departmentIds: [...departments],
    supervisedAgencyIds: jsonNumbers(u.supervised_agency_ids),
  }
}

/** Opens a session; returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  meta: { ip: string; userAgent: string },
  now = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const at = new Date(now).toISOString()
  await db
    .insertInto('sessions')
    .values({
      id: idOf(token),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    })
    .execute()
  return token
}

export interface LoadedSession {
  verdict: SessionVerdict
  principal: Principal | null
  mustChangePassword: boolean
  displayName: string
}

/** Reads the session of a cookie token: expired sessions are deleted; a valid one is touched. */
export async function loadSession(
  db: Kysely<Database>,
  token: string,
  now = Date.now(),
): Promise<LoadedSession | null> {
  const id = idOf(token)
  const s = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
  if (!s) return null
  const verdict = sessionVerdict({ createdAt: Date.parse(s.created_at), lastSeenAt: Date.parse(s.last_seen_at) }, now)
  if (verdict !== 'valid') {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return { verdict, principal: null, mustChangePassword: false, displayName: '' }
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', s.user_id).executeTakeFirst()
  if (!user || user.disabled) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return null
  }
  if (now - Date.parse(s.last_seen_at) >= TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', id)
      .execute()
  }
  return {
    verdict,
    principal: principalOf(user),
    mustChangePassword: user.must_change_password === 1,
    displayName: user.display_name,
  }
}

export async function destroySession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', idOf(token)).execute()
}

export async function destroyUserSessions(db: Kysely<Database>, userId: number, exceptToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptToken) q = q.where('id', '!=', idOf(exceptToken))
  await q.execute()
}
