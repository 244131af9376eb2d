import {
  ADDRESS_THROTTLE,
  afterFailure,
  NAME_THROTTLE,
  THROTTLE_FORGET_MS,
  waitMs,
} from '../../domain/auth/loginThrottle.js'
import type { FactorDue } from '../../domain/auth/secondFactor.js'
import { factorDue } from '../../domain/auth/secondFactor.js'
import type { Store } from '../../store/database.js'
import { clearThrottle, findThrottle, pruneThrottles, saveThrottle } from '../../store/loginThrottleRepo.js'
import { findUserByUsername, rolesOf } from '../../store/userRepo.js'
import { appendAudit } from '../auditLog.js'
import { hitRateLimit } from '../rateLimits.js'
import { authPolicy } from './authPolicy.js'
import { verifyPassword } from './passwords.js'
import { createSession } from './sessions.js'

/** Login attempts per address per minute (DB counter: shared by every instance). */
const LOGIN_RATE = { limit: 20, windowMs: 60_000 }

/** Throttle rows are forgotten a day after their last failure. */
const THROTTLE_KEEP_MS = 24 * THROTTLE_FORGET_MS

export interface LoginProps {
  store: Store
  username: string
  password: string
  /** where the attempt comes from: the rate limit and the address throttle count per address */
  ip: string
  userAgent: string
  now?: number
}

export type LoginResult =
  | { ok: true; token: string; userId: number; mustChangePassword: boolean; factor: FactorDue }
  /** the same for an unknown name, a wrong password, a disabled account and a name made to wait */
  | { ok: false; reason: 'badCredentials' }
  /** too many attempts from this address: says nothing about any account */
  | { ok: false; reason: 'rateLimited'; retryAfter: number }

/** The name as the audit chain records it: never the password, trimmed to what a name can be. */
function attemptedName(username: string): string {
  return username.trim().slice(0, 64) || '（空）'
}

/**
 * Checks a password and opens a session (decision 0031). An address with too many attempts is refused before
 * any check. Failures are counted per attempted name, whether an account has it or not, and per address, and
 * each makes the next try wait a little longer, up to a minute for a name: nobody can lock an account, and
 * an unknown name, a wrong password and a waiting name get the same answer. Every outcome is audited, the
 * name included, the password never. A session of an account that owes a second factor opens as pending.
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
  const name = attemptedName(username)
  const nameKey = `name:${name.toLowerCase()}`
  const addressKey = `addr:${ip}`
  const [byName, byAddress] = [await findThrottle(store.db, nameKey), await findThrottle(store.db, addressKey)]
  const addressWait = waitMs(byAddress, now)
  if (addressWait > 0 || waitMs(byName, now) > 0) {
    const by = addressWait > 0 ? 'address' : 'name'
    await store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: name,
        ip,
        action: 'session.loginThrottled',
        targetType: 'user',
        targetId: '',
        detail: { by },
      }),
    )
    if (addressWait > 0) return { ok: false, reason: 'rateLimited', retryAfter: Math.ceil(addressWait / 1000) }
    return { ok: false, reason: 'badCredentials' }
  }
  const user = await findUserByUsername(store.db, username.trim())
  // an unknown name costs one hash as well (verifyPassword of null): no timing hint
  const passwordOk = await verifyPassword(user?.password_hash ?? null, password)
  if (!user || !passwordOk || user.disabled) {
    const why = !user ? 'unknownUser' : !passwordOk ? 'wrongPassword' : 'disabled'
    await store.db.transaction().execute(async (trx) => {
      await saveThrottle(trx, nameKey, afterFailure(NAME_THROTTLE, byName, now))
      await saveThrottle(trx, addressKey, afterFailure(ADDRESS_THROTTLE, byAddress, now))
      await pruneThrottles(trx, new Date(now - THROTTLE_KEEP_MS).toISOString())
      await appendAudit(trx, {
        actor: name,
        ip,
        action: 'session.loginFailed',
        targetType: 'user',
        targetId: user ? Number(user.id) : '',
        detail: { why },
      })
    })
    return { ok: false, reason: 'badCredentials' }
  }
  const userId = Number(user.id)
  const factor = factorDue(
    { roles: rolesOf(user), totpEnrolled: user.totp_enabled_at !== null },
    authPolicy().totpRoles,
  )
  const token = await store.db.transaction().execute(async (trx) => {
    await clearThrottle(trx, nameKey)
    await appendAudit(trx, {
      actor: user.username,
      ip,
      action: 'session.login',
      targetType: 'session',
      targetId: userId,
      detail: factor === 'none' ? undefined : { secondFactor: factor },
    })
    return createSession(trx, userId, { ip, userAgent, factor }, now)
  })
  return { ok: true, token, userId, mustChangePassword: user.must_change_password === 1, factor }
}
