import { mayGrant } from '../../domain/auth/permissions.js'
import type { Role } from '../../domain/auth/roles.js'
import type { Store } from '../../store/database.js'
import { findUserById, rolesOf, updateUserAccess } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { Forbidden, ValidationError } from '../errors.js'
import { destroyUserSessions } from './sessions.js'

export interface SetUserRolesProps {
  store: Store
  actor: Actor
  userId: number
  roles: Role[]
  departmentIds?: number[]
  supervisedAgencyIds?: number[]
  disabled?: boolean
}

/**
 * Changes the roles and scope of an account (a permission change): the actor must be allowed to grant both
 * the roles the account had and those it gets. Disabling ends its sessions. Audited with before and after.
 */
export async function setUserRoles({ store, actor, userId, ...change }: SetUserRolesProps): Promise<void> {
  const p = authorize(actor, 'user.manage')
  await store.db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId)
    if (!before) throw new ValidationError([{ field: 'userId', message: '用户不存在' }])
    const agencyId = before.agency_id === null ? null : Number(before.agency_id)
    if (!mayGrant(p, rolesOf(before), agencyId) || !mayGrant(p, change.roles, agencyId))
      throw new Forbidden('无权授予这些角色')
    await updateUserAccess(trx, userId, change)
    if (change.disabled) await destroyUserSessions(trx, userId)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'user.permissions',
      targetType: 'user',
      targetId: userId,
      detail: {
        before: {
          roles: before.roles,
          departmentIds: before.department_ids,
          supervisedAgencyIds: before.supervised_agency_ids,
        },
        after: change,
      },
    })
  })
}
