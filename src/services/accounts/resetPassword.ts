import { mayManage } from '../../domain/auth/permissions.js'
import { passwordProblems } from '../../domain/auth/passwordPolicy.js'
import type { Store } from '../../store/database.js'
import { findUserById, rolesOf, setTemporaryPassword } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { Forbidden, ValidationError } from '../errors.js'
import { hashPassword } from './passwords.js'
import { destroyUserSessions } from './sessions.js'

export interface ResetPasswordProps {
  store: Store
  actor: Actor
  userId: number
  /** the temporary password the administrator gives the user (the password policy applies) */
  password: string
}

/**
 * An administrator resets an account's password: a temporary one, under the password policy, that the user
 * must change at the next login. The account's sessions end and a lock is lifted. The rule of granting
 * applies; one's own password is changed on the 修改密码 page instead. Audited (never the password).
 */
export async function resetPassword({ store, actor, userId, password }: ResetPasswordProps): Promise<void> {
  const p = authorize(actor, 'user.manage')
  const target = await findUserById(store.db, userId)
  if (!target) throw new ValidationError([{ field: 'userId', message: '用户不存在' }])
  if (!mayManage(p, rolesOf(target), target.agency_id === null ? null : Number(target.agency_id)))
    throw new Forbidden('无权管理该用户')
  if (Number(target.id) === p.userId)
    throw new ValidationError([{ field: 'password', message: '不能重置自己的密码，请在“修改密码”中修改' }])
  const problems = passwordProblems(password, { username: target.username })
  if (problems.length) throw new ValidationError(problems.map((message) => ({ field: 'password', message })))
  const passwordHash = await hashPassword(password)
  await store.db.transaction().execute(async (trx) => {
    await setTemporaryPassword(trx, userId, passwordHash)
    await destroyUserSessions(trx, userId)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'user.passwordReset',
      targetType: 'user',
      targetId: userId,
    })
  })
}
