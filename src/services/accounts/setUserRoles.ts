import { mayGrant } from '../../domain/auth/permissions.js'
import type { Role } from '../../domain/auth/roles.js'
import { isRole } from '../../domain/auth/roles.js'
import type { Store } from '../../store/database.js'
import { countAgencyDepartments, findUserById, rolesOf, updateUserAccess } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { Forbidden, ValidationError } from '../errors.js'
import { destroyUserSessions } from './sessions.js'
import { scopeProblems } from './userInput.js'

export interface SetUserRolesProps {
  store: Store
  actor: Actor
  userId: number
  /** role codes as a form sends them (an unknown code is refused with a message) */
  roles: readonly string[]
  departmentIds?: number[]
  supervisedRootId?: number | null
  disabled?: boolean
}

/**
 * Changes the roles and scope of an account (a permission change): the actor must be allowed to grant both
 * the roles the account had and those it gets; a handler needs a department of the account's agency, a
 * supervisor an agency to supervise. Disabling ends its sessions. Audited with before and after.
 */
export async function setUserRoles({ store, actor, userId, ...change }: SetUserRolesProps): Promise<void> {
  const p = authorize(actor, 'user.grant')
  if (p.userId === userId) throw new Forbidden('不能修改自己的角色')
  if (change.roles.some((r) => !isRole(r))) throw new ValidationError([{ field: 'roles', message: '角色无效' }])
  const roles = change.roles.filter(isRole) satisfies Role[]
  if (roles.length === 0) throw new ValidationError([{ field: 'roles', message: '请至少选择一个角色' }])
  await store.db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId)
    if (!before) throw new ValidationError([{ field: 'userId', message: '用户不存在' }])
    const agencyId = before.agency_id === null ? null : Number(before.agency_id)
    if (!mayGrant(p, rolesOf(before), agencyId) || !mayGrant(p, roles, agencyId))
      throw new Forbidden('无权授予这些角色')
    const departmentIds = change.departmentIds ?? []
    const supervisedRootId = change.supervisedRootId ?? null
    const problems = scopeProblems({
      ...{ username: before.username, displayName: before.display_name, password: '', mustChangePassword: false },
      roles,
      agencyId,
      departmentIds,
      supervisedRootId,
    })
    if (problems.length) throw new ValidationError(problems)
    if (
      departmentIds.length &&
      (agencyId === null || (await countAgencyDepartments(trx, agencyId, departmentIds)) !== departmentIds.length)
    )
      throw new ValidationError([{ field: 'departmentIds', message: '处室须属于该用户所在机关' }])
    await updateUserAccess(trx, userId, { ...change, roles })
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
          supervisedRootId: before.supervised_root_id,
        },
        after: { ...change, roles },
      },
    })
  })
}
