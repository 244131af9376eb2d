import { z } from 'zod'
import type { Role } from '../../domain/auth/roles.js'
import { isRole, SEPARATED_DUTIES } from '../../domain/auth/roles.js'
import type { FieldProblem } from '../errors.js'

const role = z.string().transform((s, ctx): Role => {
  if (isRole(s)) return s
  ctx.addIssue({ code: 'custom', message: '角色无效' })
  return z.NEVER
})

/** An account as an administrator (or the command line) enters it. */
export const userInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, '用户名须为3至40位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名过长'),
  password: z.string(),
  // none: the account waits for the security administrator to grant its roles (decision 0032)
  roles: z.array(role),
  agencyId: z.number().int().positive().nullable().default(null),
  departmentIds: z.array(z.number().int().positive()).default([]),
  /** a supervisor reads this agency and every agency under it (issue 19) */
  supervisedRootId: z.number().int().positive().nullable().default(null),
  /** an initial password set by an administrator must be changed at first login */
  mustChangePassword: z.boolean().default(true),
})

export type UserInput = z.input<typeof userInput>

/** Roles held within one agency (all but the separated duties of 三员分立 and the supervisor). */
export function isAgencyRole(r: Role): boolean {
  return !(SEPARATED_DUTIES as readonly Role[]).includes(r) && r !== 'supervisor'
}

/** What an account's roles need: an agency for agency roles, departments for a handler, agencies to supervise. */
export function scopeProblems(u: z.output<typeof userInput>): FieldProblem[] {
  const errors: FieldProblem[] = []
  if (u.roles.some(isAgencyRole) && u.agencyId === null)
    errors.push({ field: 'agencyId', message: '该角色须属于一个机关' })
  if (u.roles.includes('handler') && u.departmentIds.length === 0)
    errors.push({ field: 'departmentIds', message: '处室承办人须至少指定一个处室' })
  if (u.roles.includes('supervisor') && u.supervisedRootId === null)
    errors.push({ field: 'supervisedRootId', message: '监督人员须指定所监督的机关（含其下级机关）' })
  return errors
}
