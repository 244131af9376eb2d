import { afterFailure, isLocked } from '../../domain/auth/sessionRules.js'
import type { Store } from '../../store/database.js'
import { findUserByUsername, setLoginFailures } from '../../store/userRepo.js'
import { appendAudit } from '../auditLog.js'
import { hitRateLimit } from '../rateLimits.js'
import { verifyPassword } from './passwords.js'
import { createSession } from './sessions.js'

/** Login attempts per address per minute (DB counter: shared by every instance). */
const LOGIN_RATE = { limit: 20, windowMs: 60_000 }

export interface LoginProps {
  store: Store
  username: string
  password: string
  /** where the attempt comes from: the rate limit counts per address */
  ip: string
  userAgent: string
  now?: number
}

export type LoginResult =
  | { ok: true; token: string; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: 'badCredentials' }
  | { ok: false; reason: 'locked'; lockedUntil: string }
  | { ok: false; reason: 'rateLimited'; retryAfter: number }

/**
 * Checks a password and opens a session. Too many attempts from one address are refused before any check;
 * failures are counted per account and lock it after too many (sessionRules). Each outcome is audited in
 * the transaction that records it.
 */
export async function login({
  store,
  username,
  password,
  ip,
  userAgent,
  now = Date.now(),
}: LoginProps): Promise<LoginResult> {
  const rate = await hitRateLimit(store.db, `login:${ip}`, LOGIN_RATE.limit, LOGIN_RATE.windowMs, now)
  if (!rate.allowed) return { ok: false, reason: 'rateLimited', retryAfter: rate.retryAfter }
  const user = await findUserByUsername(store.db, username.trim())
  if (!user) {
    await verifyPassword(null, password) // an unknown name costs one hash as well: no timing hint
    return { ok: false, reason: 'badCredentials' }
  }
  const userId = Number(user.id)
  const by = { actor: user.username, ip, targetType: 'user', targetId: userId } as const
  if (user.locked_until && isLocked(Date.parse(user.locked_until), now)) {
    await store.db.transaction().execute((trx) => appendAudit(trx, { ...by, action: 'session.loginWhileLocked' }))
    return { ok: false, reason: 'locked', lockedUntil: user.locked_until }
  }
  if (!(await verifyPassword(user.password_hash, password)) || user.disabled) {
    const next = afterFailure(Number(user.failed_logins), now)
    const lockedUntil = next.lockedUntil === null ? null : new Date(next.lockedUntil).toISOString()
    await store.db.transaction().execute(async (trx) => {
      await setLoginFailures(trx, userId, next.failures, lockedUntil)
      await appendAudit(trx, { ...by, action: lockedUntil ? 'user.locked' : 'session.loginFailed' })
    })
    return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'badCredentials' }
  }
  const token = await store.db.transaction().execute(async (trx) => {
    await setLoginFailures(trx, userId, 0, null)
    await appendAudit(trx, { ...by, action: 'session.login', targetType: 'session' })
    return createSession(trx, userId, { ip, userAgent }, now)
  })
  return { ok: true, token, userId, mustChangePassword: user.must_change_password === 1 }
}
