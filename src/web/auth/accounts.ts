import { z } from 'zod'
import { passwordProblems } from '../../domain/auth/passwordPolicy.js'
import { ROLE_CODES } from '../../domain/auth/roles.js'
import type { Role } from '../../domain/auth/roles.js'
import { afterFailure, isLocked } from '../../domain/auth/sessionRules.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { AuditActor } from '../../services/auditLog.js'
import { appendAudit } from '../../services/auditLog.js'
import { ValidationError } from '../../services/errors.js'
import { zodErrors } from '../../services/registerApplication.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { createSession, destroyUserSessions } from './sessions.js'

export const userInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, '用户名须为3至40位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名过长'),
  password: z.string(),
  roles: z.array(z.enum(ROLE_CODES as [Role, ...Role[]], { message: '角色无效' })).min(1, '请至少选择一个角色'),
  agencyId: z.number().int().positive().nullable().default(null),
  departmentIds: z.array(z.number().int().positive()).default([]),
  supervisedAgencyIds: z.array(z.number().int().positive()).default([]),
  /** an initial password set by an administrator must be changed at first login */
  mustChangePassword: z.boolean().default(true),
})

export type UserInput = z.input<typeof userInput>

function checkScope(u: z.output<typeof userInput>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = []
  const agencyRoles = u.roles.filter((r) => r !== 'sysAdmin' && r !== 'supervisor')
  if (agencyRoles.length && u.agencyId === null) errors.push({ field: 'agencyId', message: '该角色须属于一个机关' })
  if (u.roles.includes('handler') && u.departmentIds.length === 0)
    errors.push({ field: 'departmentIds', message: '处室承办人须至少指定一个处室' })
  if (u.roles.includes('supervisor') && u.supervisedAgencyIds.length === 0) {
    errors.push({ field: 'supervisedAgencyIds', message: '监督人员须至少指定一个被监督机关' })
  }
  return errors
}

/** Creates an account (password policy checked, argon2id hash, audited). */
export async function createUser(store: Store, input: UserInput, by: AuditActor): Promise<number> {
  const parsed = userInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const u = parsed.data
  const errors = [
    ...checkScope(u),
    ...passwordProblems(u.password, u).map((message) => ({ field: 'password', message })),
  ]
  if (errors.length) throw new ValidationError(errors)
  const passwordHash = await hashPassword(u.password)
  return store.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst()
    if (clash) throw new ValidationError([{ field: 'username', message: `用户名「${u.username}」已被使用` }])
    if (u.departmentIds.length && u.agencyId !== null) {
      const own = await trx
        .selectFrom('departments')
        .select('id')
        .where('agency_id', '=', u.agencyId)
        .where('id', 'in', u.departmentIds)
        .execute()
      if (own.length !== u.departmentIds.length)
        throw new ValidationError([{ field: 'departmentIds', message: '处室须属于该用户所在机关' }])
    }
    const row = await trx
      .insertInto('users')
      .values({
        agency_id: u.agencyId,
        username: u.username,
        display_name: u.displayName,
        password_hash: passwordHash,
        roles: JSON.stringify(u.roles),
        department_id: u.departmentIds[0] ?? null,
        department_ids: JSON.stringify(u.departmentIds),
        supervised_agency_ids: JSON.stringify(u.supervisedAgencyIds),
        must_change_password: u.mustChangePassword ? 1 : 0,
        password_changed_at: nowIso(),
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const id = Number(row.id)
    await appendAudit(trx, {
      ...by,
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      detail: {
        username: u.username,
        roles: u.roles,
        agencyId: u.agencyId,
        departmentIds: u.departmentIds,
        supervisedAgencyIds: u.supervisedAgencyIds,
      },
    })
    return id
  })
}

/** Changes roles and scope of an account (a permission change: audited). */
export async function setUserRoles(
  store: Store,
  userId: number,
  change: { roles: Role[]; departmentIds?: number[]; supervisedAgencyIds?: number[]; disabled?: boolean },
  by: AuditActor,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
    if (!before) throw new ValidationError([{ field: 'userId', message: '用户不存在' }])
    await trx
      .updateTable('users')
      .set({
        roles: JSON.stringify(change.roles),
        ...(change.departmentIds
          ? { department_ids: JSON.stringify(change.departmentIds), department_id: change.departmentIds[0] ?? null }
          : {}),
        ...(change.supervisedAgencyIds ? { supervised_agency_ids: JSON.stringify(change.supervisedAgencyIds) } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
      })
      .where('id', '=', userId)
      .execute()
    if (change.disabled) await destroyUserSessions(trx, userId)
    await appendAudit(trx, {
      ...by,
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

export type LoginResult =
  | { ok: true; token: string; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: 'badCredentials' | 'locked'; lockedUntil?: string }

/** Checks a password; counts failures and locks the account after too many (sessionRules). */
export async function login(
  store: Store,
  credentials: { username: string; password: string },
  meta: { ip: string; userAgent: string },
  now = Date.now(),
): Promise<LoginResult> {
  const user = await store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', credentials.username.trim())
    .executeTakeFirst()
  const lockedUntil = user?.locked_until ? Date.parse(user.locked_until) : null
  if (user && isLocked(lockedUntil, now)) {
    await store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: user.username,
        ip: meta.ip,
        action: 'session.loginWhileLocked',
        targetType: 'user',
        targetId: Number(user.id),
      }),
    )
    return { ok: false, reason: 'locked', lockedUntil: user.locked_until ?? undefined }
  }
  const good = await verifyPassword(user?.password_hash ?? null, credentials.password)
  if (!user || !good || user.disabled) {
    if (user) {
      const next = afterFailure(Number(user.failed_logins), now)
      await store.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            failed_logins: next.failures,
            locked_until: next.lockedUntil === null ? null : new Date(next.lockedUntil).toISOString(),
          })
          .where('id', '=', user.id)
          .execute()
        await appendAudit(trx, {
          actor: user.username,
          ip: meta.ip,
          action: next.lockedUntil ? 'user.locked' : 'session.loginFailed',
          targetType: 'user',
          targetId: Number(user.id),
        })
      })
      if (next.lockedUntil)
        return { ok: false, reason: 'locked', lockedUntil: new Date(next.lockedUntil).toISOString() }
    }
    return { ok: false, reason: 'badCredentials' }
  }
  const userId = Number(user.id)
  const token = await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute()
    await appendAudit(trx, {
      actor: user.username,
      ip: meta.ip,
      action: 'session.login',
      targetType: 'session',
      targetId: userId,
    })
    return createSession(trx, userId, meta, now)
  })
  return { ok: true, token, userId, mustChangePassword: user.must_change_password === 1 }
}

/** Changes one's own password (the current one is asked again); other sessions end. */
export async function changePassword(
  store: Store,
  userId: number,
  change: { current: string; next: string; keepToken?: string },
  by: AuditActor,
): Promise<void> {
  const user = await store.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, change.current))) {
    throw new ValidationError([{ field: 'current', message: '当前密码不正确' }])
  }
  if (change.current === change.next)
    throw new ValidationError([{ field: 'next', message: '新密码不能与当前密码相同' }])
  const problems = passwordProblems(change.next, { username: user.username })
  if (problems.length) throw new ValidationError(problems.map((message) => ({ field: 'next', message })))
  const passwordHash = await hashPassword(change.next)
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 0, password_changed_at: nowIso() })
      .where('id', '=', userId)
      .execute()
    await destroyUserSessions(trx, userId, change.keepToken)
    await appendAudit(trx, { ...by, action: 'user.passwordChanged', targetType: 'user', targetId: userId })
  })
}

/** Disables, re-enables or unlocks an account (audited); disabling ends its sessions. */
export async function setUserStatus(
  store: Store,
  userId: number,
  action: 'disable' | 'enable' | 'unlock',
  by: AuditActor,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const set =
      action === 'unlock' ? { failed_logins: 0, locked_until: null } : { disabled: action === 'disable' ? 1 : 0 }
    await trx.updateTable('users').set(set).where('id', '=', userId).execute()
    if (action === 'disable') await destroyUserSessions(trx, userId)
    await appendAudit(trx, { ...by, action: `user.${action}`, targetType: 'user', targetId: userId })
  })
}
