import { mayGrant, mayManage } from '../../domain/auth/permissions.js'
import { passwordProblems } from '../../domain/auth/passwordPolicy.js'
import type { Store } from '../../store/database.js'
import { countAgencyDepartments, findUserByUsername, insertUser } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { Forbidden, ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'
import { hashPassword } from './passwords.js'
import type { UserInput } from './userInput.js'
import { isAgencyRole, scopeProblems, userInput } from './userInput.js'

export type CreateUserProps = UserInput & { store: Store; actor: Actor }

/**
 * Creates an account: the actor may manage users and grant these roles in that agency; the password policy
 * holds; the hash is argon2id; the account and its audit record commit together. Returns the new id.
 */
export async function createUser({ store, actor, ...input }: CreateUserProps): Promise<number> {
  const p = authorize(actor, 'user.manage')
  const parsed = userInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  // an agency is an agency role's: a system administrator or a supervisor belongs to none; an account created
  // without roles (the security administrator grants them, decision 0032) keeps the agency it was made for
  const { roles } = parsed.data
  const u = { ...parsed.data, agencyId: roles.length === 0 || roles.some(isAgencyRole) ? parsed.data.agencyId : null }
  const at = u.agencyId ?? p.agencyId
  if (!mayManage(p, u.roles, at) || !mayGrant(p, u.roles, at))
    throw new Forbidden('无权授予这些角色（角色由安全保密管理员授予）')
  const errors = [
    ...scopeProblems(u),
    ...passwordProblems(u.password, u).map((message) => ({ field: 'password', message })),
  ]
  if (errors.length) throw new ValidationError(errors)
  const passwordHash = await hashPassword(u.password)
  return store.db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, u.username))
      throw new ValidationError([{ field: 'username', message: `用户名「${u.username}」已被使用` }])
    if (u.departmentIds.length && u.agencyId !== null) {
      if ((await countAgencyDepartments(trx, u.agencyId, u.departmentIds)) !== u.departmentIds.length)
        throw new ValidationError([{ field: 'departmentIds', message: '处室须属于该用户所在机关' }])
    }
    const id = await insertUser(trx, { ...u, passwordHash })
    const { roles, agencyId, departmentIds, supervisedRootId } = u
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      detail: { username: u.username, roles, agencyId, departmentIds, supervisedRootId },
    })
    return id
  })
}
