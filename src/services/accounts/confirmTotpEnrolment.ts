import type { Store } from '../../store/database.js'
import { enableTotp, replaceRecoveryCodes } from '../../store/totpRepo.js'
import { findUserById } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { completeSession } from './sessions.js'
import { acceptedStep, newRecoveryCodes, recoveryCodeHash } from './totpCodes.js'
import { refuseCode, secondFactorWait } from './secondFactorThrottle.js'

export interface ConfirmTotpEnrolmentProps {
  store: Store
  actor: Actor
  /** the code the app shows now */
  code: string
  /** the session asking: if it still owed its second factor, it is replaced by a complete one */
  token: string
  userAgent: string
  now?: number
}

/**
 * Confirms an enrolment with a code of the new secret (decision 0031): the second factor is on from now, ten
 * recovery codes are made (shown once, kept as hashes), and a session that owed the factor is completed.
 * Returns the session's new token and the recovery codes.
 */
export async function confirmTotpEnrolment({
  store,
  actor,
  code,
  token,
  userAgent,
  now = Date.now(),
}: ConfirmTotpEnrolmentProps): Promise<{ token: string; recoveryCodes: string[] }> {
  const { userId } = authorize(actor, 'console.view')
  await secondFactorWait(store, userId, now)
  const user = await findUserById(store.db, userId)
  if (!user?.totp_secret || user.totp_enabled_at !== null)
    throw new ValidationError([{ field: 'code', message: '请先打开绑定页面扫描二维码' }])
  const step = acceptedStep(user.totp_secret, code, now, null)
  if (step === null) return refuseCode(store, actor, userId, now)
  const recoveryCodes = newRecoveryCodes()
  const newToken = await store.db.transaction().execute(async (trx) => {
    await enableTotp(trx, userId, new Date(now).toISOString(), step)
    await replaceRecoveryCodes(trx, userId, recoveryCodes.map(recoveryCodeHash))
    await appendAudit(trx, { ...auditActor(actor), action: 'user.totpEnrolled', targetType: 'user', targetId: userId })
    return completeSession(trx, token, userId, { ip: actor.ip, userAgent }, now)
  })
  return { token: newToken, recoveryCodes }
}
