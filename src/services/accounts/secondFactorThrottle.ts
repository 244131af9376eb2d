import { afterFailure, NAME_THROTTLE, waitMs } from '../../domain/auth/loginThrottle.js'
import type { Store } from '../../store/database.js'
import { findThrottle, saveThrottle } from '../../store/loginThrottleRepo.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'

// Wrong second-factor codes slow the next try down as wrong passwords do (decision 0031): a million codes
// cannot be tried.

const keyOf = (userId: number) => `totp:${userId}`

/** Refuses at once while the account must wait after wrong codes. */
export async function secondFactorWait(store: Store, userId: number, now: number): Promise<void> {
  const wait = waitMs(await findThrottle(store.db, keyOf(userId)), now)
  if (wait > 0)
    throw new ValidationError([{ field: 'code', message: `验证码错误次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试` }])
}

/** Counts and audits a wrong code, then refuses it. */
export async function refuseCode(store: Store, actor: Actor, userId: number, now: number): Promise<never> {
  await store.db.transaction().execute(async (trx) => {
    await saveThrottle(trx, keyOf(userId), afterFailure(NAME_THROTTLE, await findThrottle(trx, keyOf(userId)), now))
    await appendAudit(trx, { ...auditActor(actor), action: 'session.totpFailed', targetType: 'user', targetId: userId })
  })
  throw new ValidationError([
    { field: 'code', message: '动态验证码不正确或已使用，请输入验证器应用中当前显示的6位数字' },
  ])
}
