import { passwordProblems } from '../../domain/auth/passwordPolicy.js'
import type { Store } from '../../store/database.js'
import { findUserById, setPasswordHash } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { destroyUserSessions } from './sessions.js'

export interface ChangePasswordProps {
  store: Store
  actor: Actor
  current: string
  next: string
  /** the session asking stays open; every other session of the account ends */
  keepToken?: string
}

/** Changes one's own password: the current one is asked again, the new one must meet the policy. */
export async function changePassword({ store, actor, current, next, keepToken }: ChangePasswordProps): Promise<void> {
  const { userId } = authorize(actor, 'console.view')
  const user = await findUserById(store.db, userId)
  if (!user) throw new NotFoundError('该账号')
  if (!(await verifyPassword(user.password_hash, current)))
    throw new ValidationError([{ field: 'current', message: '当前密码不正确' }])
  if (current === next) throw new ValidationError([{ field: 'next', message: '新密码不能与当前密码相同' }])
  const problems = passwordProblems(next, { username: user.username })
  if (problems.length) throw new ValidationError(problems.map((message) => ({ field: 'next', message })))
  const passwordHash = await hashPassword(next)
  await store.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, userId, passwordHash)
    await destroyUserSessions(trx, userId, keepToken)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'user.passwordChanged',
      targetType: 'user',
      targetId: userId,
    })
  })
}
