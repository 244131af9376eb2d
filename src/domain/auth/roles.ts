/** The roles of the platform (DESIGN.md "People who use it"). A user holds one or more. */
export const ROLES = [
  { code: 'sysAdmin', label: '系统管理员' },
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
