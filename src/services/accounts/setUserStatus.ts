import { mayManage } from '../../domain/auth/permissions.js'
import type { Store } from '../../store/database.js'
import { clearThrottle } from '../../store/loginThrottleRepo.js'
import { findUserById, rolesOf, setUserDisabled } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { Forbidden, ValidationError } from '../errors.js'
import { destroyUserSessions } from './sessions.js'

const ACTIONS = ['disable', 'enable', 'unlock'] as const
type StatusAction = (typeof ACTIONS)[number]

function isStatusAction(s: string): s is StatusAction {
  return ACTIONS.some((a) => a === s)
}

export interface SetUserStatusProps {
  store: Store
  actor: Actor
  userId: number
  /** 'disable' | 'enable' | 'unlock' (anything else is refused with a message) */
  action: string
}

/**
 * Disables, re-enables or unlocks an account. The rule of granting applies: an agency administrator manages
 * only agency roles of their own agency; nobody disables their own account. Disabling ends its sessions.
 */
export async function setUserStatus({ store, actor, userId, action }: SetUserStatusProps): Promise<void> {
  const p = authorize(actor, 'user.manage')
  await store.db.transaction().execute(async (trx) => {
    const target = await findUserById(trx, userId)
    if (!target) throw new ValidationError([{ field: 'userId', message: '用户不存在' }])
    if (!mayManage(p, rolesOf(target), target.agency_id === null ? null : Number(target.agency_id)))
      throw new Forbidden('无权管理该用户')
    if (Number(target.id) === p.userId && action === 'disable')
      throw new ValidationError([{ field: 'action', message: '不能停用自己的账号' }])
    if (!isStatusAction(action)) throw new ValidationError([{ field: 'action', message: '操作无效' }])
    // unlocking forgets the name's failed logins: its next try is heard at once (decision 0031)
    if (action === 'unlock') await clearThrottle(trx, `name:${target.username.toLowerCase()}`)
    else await setUserDisabled(trx, userId, action === 'disable')
    if (action === 'disable') await destroyUserSessions(trx, userId)
    await appendAudit(trx, { ...auditActor(actor), action: `user.${action}`, targetType: 'user', targetId: userId })
  })
}
