import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Principal } from '../../domain/auth/roles.js'
import type { SessionVerdict } from '../../domain/auth/sessionRules.js'
import { sessionVerdict } from '../../domain/auth/sessionRules.js'
import type { Database } from '../../store/schema.js'
import type { FactorDue } from '../../domain/auth/secondFactor.js'
import {
  deleteSession,
  deleteSessionsBeyond,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
} from '../../store/sessionRepo.js'
import { findUserById, principalOf } from '../../store/userRepo.js'
import { supervisedSubtree } from '../supervision/supervisedSubtree.js'
import { authPolicy } from './authPolicy.js'

/** last_seen_at is written at most this often (one write a minute, not one per request) */
const TOUCH_EVERY_MS = 60_000

/** A session's row id: the hash of its cookie token (the token itself is never stored). */
function idOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Opens a session; returns the cookie token. `factor` is what the session still owes before it is complete
 * ('verify' or 'enrol': only the second-factor pages answer it). At most `maxSessions` stay open: the
 * oldest are ended (decision 0031).
 */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  meta: { ip: string; userAgent: string; factor?: FactorDue; maxSessions?: number },
  now = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const at = new Date(now).toISOString()
  const pendingFactor = meta.factor === undefined || meta.factor === 'none' ? null : meta.factor
  const userAgent = meta.userAgent.slice(0, 300)
  await insertSession(db, { id: idOf(token), userId, at, ip: meta.ip, userAgent, pendingFactor })
  await deleteSessionsBeyond(db, userId, meta.maxSessions ?? authPolicy().maxSessions)
  return token
}

/** The session of `token` has paid its second factor: it is replaced by a complete one (a new token). */
export async function completeSession(
  db: Kysely<Database>,
  token: string,
  userId: number,
  meta: { ip: string; userAgent: string },
  now = Date.now(),
): Promise<string> {
  await deleteSession(db, idOf(token))
  return createSession(db, userId, meta, now)
}

export interface LoadedSession {
  verdict: SessionVerdict
  /** what the session still owes ('none' once complete) */
  pendingFactor: FactorDue
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
    return { verdict, principal: null, mustChangePassword: false, displayName: '', pendingFactor: 'none' }
  }
  const user = await findUserById(db, Number(s.user_id))
  if (!user || user.disabled) {
    await deleteSession(db, id)
    return null
  }
  if (now - Date.parse(s.last_seen_at) >= TOUCH_EVERY_MS) await touchSession(db, id, new Date(now).toISOString())
  return {
    verdict,
    pendingFactor: s.pending_factor === 'verify' || s.pending_factor === 'enrol' ? s.pending_factor : 'none',
    principal: principalOf(user, await supervisedSubtree(db, user)),
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
