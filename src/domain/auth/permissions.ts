import type { Principal, Role } from './roles.js'

/**
 * THE permission table: every action of the console and API, and the roles that may do it. Routes name one
 * of these; `can` is the one check (outline's policies: a flat list of rules).
 */
export const PERMISSIONS = {
  'console.view': [
    'sysAdmin',
    'agencyAdmin',
    'office',
    'handler',
    'reviewerDept',
    'reviewerSecrecy',
    'reviewerLeader',
    'reviewerHead',
    'supervisor',
  ],
  'case.read': ['sysAdmin', 'agencyAdmin', 'office', 'handler', 'supervisor'],
  'case.register': ['sysAdmin', 'office'],
  'case.act': ['sysAdmin', 'office', 'handler'],
  /** routing, extension, answer, delivery: the office's decisions */
  'case.decide': ['sysAdmin', 'office'],
  'letter.read': ['sysAdmin', 'agencyAdmin', 'office', 'handler', 'supervisor'],
  'letter.template': ['sysAdmin', 'agencyAdmin'],
  /** writing and editing documents for publication (issue 13): the departments draft, the office too */
  'publication.draft': ['sysAdmin', 'agencyAdmin', 'office', 'handler'],
  'publication.review': ['sysAdmin', 'reviewerDept', 'reviewerSecrecy', 'reviewerLeader', 'reviewerHead'],
  'publication.read': [
    'sysAdmin',
    'agencyAdmin',
    'office',
    'reviewerDept',
    'reviewerSecrecy',
    'reviewerLeader',
    'reviewerHead',
    'supervisor',
  ],
  'agency.manage': ['sysAdmin'],
  'department.manage': ['sysAdmin', 'agencyAdmin'],
  'user.manage': ['sysAdmin', 'agencyAdmin'],
  'calendar.manage': ['sysAdmin'],
  /** the chain spans every agency: only a system administrator reads it whole */
  'audit.read': ['sysAdmin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[]

/** What a request is about: an agency's thing, maybe a department's. */
export interface Resource {
  agencyId: number
  departmentId?: number | null
}

const READ_ONLY: readonly Permission[] = ['console.view', 'case.read', 'letter.read', 'publication.read', 'audit.read']

function holds(p: Principal, permission: Permission): Role[] {
  return p.roles.filter((r) => (PERMISSIONS[permission] as readonly Role[]).includes(r))
}

/**
 * May `p` do `permission` (on `resource`)? Scope by role: a system administrator everywhere; agency roles in
 * their own agency; a department handler only for cases of their departments; a supervisor read-only over
 * the agencies they supervise.
 */
export function can(p: Principal, permission: Permission, resource?: Resource): boolean {
  const roles = holds(p, permission)
  if (roles.length === 0) return false
  if (!resource) return true
  return roles.some((role) => {
    switch (role) {
      case 'sysAdmin':
        return true
      case 'supervisor':
        return READ_ONLY.includes(permission) && p.supervisedAgencyIds.includes(resource.agencyId)
      case 'handler':
        return (
          p.agencyId === resource.agencyId &&
          resource.departmentId !== undefined &&
          resource.departmentId !== null &&
          p.departmentIds.includes(resource.departmentId)
        )
      default:
        return p.agencyId === resource.agencyId
    }
  })
}

/** The rows a principal may list: every agency, some agencies, and (for handlers only) some departments. */
export interface ListScope {
  allAgencies: boolean
  agencyIds: number[]
  /** null: every department of those agencies; else only these departments' cases */
  departmentIds: number[] | null
}

export function listScope(p: Principal, permission: Permission): ListScope {
  const roles = holds(p, permission)
  if (roles.includes('sysAdmin')) return { allAgencies: true, agencyIds: [], departmentIds: null }
  const agencies = new Set<number>()
  let wide = false
  for (const r of roles) {
    if (r === 'supervisor') p.supervisedAgencyIds.forEach((a) => agencies.add(a))
    else if (p.agencyId !== null) {
      agencies.add(p.agencyId)
      if (r !== 'handler') wide = true
    }
  }
  return {
    allAgencies: false,
    agencyIds: [...agencies],
    departmentIds: wide || roles.includes('supervisor') ? null : [...p.departmentIds],
  }
}

/**
 * May `p` give these roles to an account of `agencyId`? A system administrator may give any; an agency
 * administrator only agency roles within their own agency (never sysAdmin or supervisor).
 */
export function mayGrant(p: Principal, roles: readonly Role[], agencyId: number | null): boolean {
  if (p.roles.includes('sysAdmin')) return true
  if (!p.roles.includes('agencyAdmin') || agencyId === null || agencyId !== p.agencyId) return false
  return roles.every((r) => r !== 'sysAdmin' && r !== 'supervisor')
}
