/** The roles of the platform (DESIGN.md "People who use it"). A user holds one or more. */
export const ROLES = [
  { code: 'sysAdmin', label: '系统管理员' },
  { code: 'secAdmin', label: '安全保密管理员' },
  { code: 'auditAdmin', label: '安全审计员' },
  { code: 'agencyAdmin', label: '机关管理员' },
  { code: 'office', label: '政务公开办工作人员' },
  { code: 'handler', label: '处室承办人' },
  { code: 'reviewerDept', label: '处室负责人（发布审核）' },
  { code: 'reviewerSecrecy', label: '保密审查' },
  { code: 'reviewerLeader', label: '分管领导（发布审核）' },
  { code: 'reviewerHead', label: '主要领导（发布审核）' },
  { code: 'supervisor', label: '监督人员（只读）' },
] as const

export type Role = (typeof ROLES)[number]['code']

export const ROLE_CODES: readonly Role[] = ROLES.map((r) => r.code)

export function isRole(s: string): s is Role {
  return (ROLE_CODES as readonly string[]).includes(s)
}

export function roleLabel(role: Role): string {
  return ROLES.find((r) => r.code === role)?.label ?? role
}

/**
 * 三员分立 (GB/T 22239-2019 三级; decision 0032): the system administrator, the security administrator and the
 * auditor. No account holds two of them (`dutyConflict`), and permissions.ts gives each work the others lack.
 */
export const SEPARATED_DUTIES = ['sysAdmin', 'secAdmin', 'auditAdmin'] as const satisfies readonly Role[]

/** True when the roles join two of the separated duties in one account. */
export function dutyConflict(roles: readonly Role[]): boolean {
  return SEPARATED_DUTIES.filter((d) => roles.includes(d)).length > 1
}

/** The roles a console form grants: the separated duties come only from the command line (decision 0032). */
export const GRANTABLE_ROLES = ROLES.filter((r) => !(SEPARATED_DUTIES as readonly Role[]).includes(r.code))

/** Administrators: they sign in with a second factor, always (decision 0031). */
export const ADMIN_ROLES = [...SEPARATED_DUTIES, 'agencyAdmin'] as const satisfies readonly Role[]

/**
 * The principal of the command line and the server's jobs (services/actor.ts `systemActor`): not an account,
 * so the only one that may hand out the separated duties.
 */
export const SYSTEM_USER_ID = 0

/** Who is asking: what the permission check needs to know about a signed-in user. */
export interface Principal {
  userId: number
  username: string
  roles: readonly Role[]
  /** the user's own agency (null for a system administrator) */
  agencyId: number | null
  /** departments a handler works for */
  departmentIds: readonly number[]
  /** agencies a supervisor may read */
  supervisedAgencyIds: readonly number[]
}
