import type { Store } from '../../store/database.js'
import { replaceRecoveryCodes, setTotpSecret } from '../../store/totpRepo.js'
import { findUserById } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { Forbidden, NotFoundError } from '../errors.js'
import { destroyUserSessions } from './sessions.js'

/**
 * Removes an account's second factor when its phone is lost (the security administrator's work, decision
 * 0032): its sessions end, and an administrator enrols again at the next login.
 */
export async function resetSecondFactor({
  store,
  actor,
  userId,
}: {
  store: Store
  actor: Actor
  userId: number
}): Promise<void> {
  const p = authorize(actor, 'security.manage')
  await store.db.transaction().execute(async (trx) => {
    const target = await findUserById(trx, userId)
    if (!target) throw new NotFoundError('该账号')
    if (p.userId === userId) throw new Forbidden('不能重置自己的动态验证码')
    await setTotpSecret(trx, userId, null)
    await replaceRecoveryCodes(trx, userId, [])
    await destroyUserSessions(trx, userId)
    await appendAudit(trx, { ...auditActor(actor), action: 'user.totpReset', targetType: 'user', targetId: userId })
  })
}
