import type { Store } from '../../store/database.js'
import { clearThrottle } from '../../store/loginThrottleRepo.js'
import { setTotpLastStep, useRecoveryCode } from '../../store/totpRepo.js'
import { findUserById } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { refuseCode, secondFactorWait } from './secondFactorThrottle.js'
import { completeSession } from './sessions.js'
import { acceptedStep, isRecoveryCode, recoveryCodeHash } from './totpCodes.js'

export interface VerifySecondFactorProps {
  store: Store
  actor: Actor
  /** the 6 digits of the authenticator app, or one of the recovery codes */
  code: string
  /** the pending session: it is replaced by a complete one */
  token: string
  userAgent: string
  now?: number
}

/**
 * The second step of signing in (decision 0031): a current TOTP code (each accepted once) or an unused
 * recovery code completes the session; a wrong one is audited and slows the next try. Returns the new token.
 */
export async function verifySecondFactor({
  store,
  actor,
  code,
  token,
  userAgent,
  now = Date.now(),
}: VerifySecondFactorProps): Promise<string> {
  const { userId } = authorize(actor, 'console.view')
  await secondFactorWait(store, userId, now)
  const user = await findUserById(store.db, userId)
  if (!user?.totp_secret || user.totp_enabled_at === null)
    throw new ValidationError([{ field: 'code', message: '该账号尚未绑定动态验证码' }])
  const secret = user.totp_secret
  const at = new Date(now).toISOString()
  const newToken = await store.db.transaction().execute(async (trx) => {
    const recovery = isRecoveryCode(code)
    if (recovery) {
      if (!(await useRecoveryCode(trx, userId, recoveryCodeHash(code), at))) return null
    } else {
      const step = acceptedStep(secret, code, now, user.totp_last_step === null ? null : Number(user.totp_last_step))
      if (step === null) return null
      await setTotpLastStep(trx, userId, step)
    }
    await clearThrottle(trx, `totp:${userId}`)
    const detail = recovery ? { by: 'recoveryCode' } : undefined
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'session.totpVerified',
      targetType: 'user',
      targetId: userId,
      detail,
    })
    return completeSession(trx, token, userId, { ip: actor.ip, userAgent }, now)
  })
  return newToken ?? refuseCode(store, actor, userId, now)
}
