import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Principal } from '../../domain/auth/roles.js'
import type { SessionVerdict } from '../../domain/auth/sessionRules.js'
import { sessionVerdict } from '../../domain/auth/sessionRules.js'
import type { Database } from '../../store/schema.js'
import { deleteSession, deleteUserSessions, findSession, insertSession, touchSession } from '../../store/sessionRepo.js'
import { findUserById, principalOf } from '../../store/userRepo.js'

/** last_seen_at is written at most this often (one write a minute, not one per request) */
const TOUCH_EVERY_MS = 60_000

/** A session's row id: the hash of its cookie token (the token itself is never stored). */
function idOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Opens a session; returns the cookie token. */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  meta: { ip: string; userAgent: string },
  now = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const at = new Date(now).toISOString()
  await insertSession(db, { id: idOf(token), userId, at, ip: meta.ip, userAgent: meta.userAgent.slice(0, 300) })
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
  const s = await findSession(db, id)
  if (!s) return null
  const verdict = sessionVerdict({ createdAt: Date.parse(s.created_at), lastSeenAt: Date.parse(s.last_seen_at) }, now)
  if (verdict !== 'valid') {
    await deleteSession(db, id)
    return { verdict, principal: null, mustChangePassword: false, displayName: '' }
  }
  const user = await findUserById(db, Number(s.user_id))
  if (!user || user.disabled) {
    await deleteSession(db, id)
    return null
  }
  if (now - Date.parse(s.last_seen_at) >= TOUCH_EVERY_MS) await touchSession(db, id, new Date(now).toISOString())
  return {
    verdict,
    principal: principalOf(user),
    mustChangePassword: user.must_change_password === 1,
    displayName: user.display_name,
  }
}

export async function destroySession(db: Kysely<Database>, token: string): Promise<void> {
  await deleteSession(db, idOf(token))
}

/** Ends every session of an account, but the one of `exceptToken`. */
export async function destroyUserSessions(db: Kysely<Database>, userId: number, exceptToken?: string): Promise<void> {
  await deleteUserSessions(db, userId, exceptToken ? idOf(exceptToken) : undefined)
}
