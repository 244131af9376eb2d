import type { Principal, Role } from './roles.js'
import { SEPARATED_DUTIES, SYSTEM_USER_ID } from './roles.js'

/**
 * THE permission table: every action of the console and API, and the roles that may do it. Routes name one
 * of these; `can` is the one check (outline's policies: a flat list of rules).
 */
export const PERMISSIONS = {
  'console.view': [
    'sysAdmin',
    'secAdmin',
    'auditAdmin',
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
  /** the list of accounts: the system administrator keeps them, the security administrator grants them roles */
  'user.read': ['sysAdmin', 'secAdmin', 'agencyAdmin'],
  /** creating accounts, resetting passwords, disabling and enabling: the system administrator's work */
  'user.manage': ['sysAdmin', 'agencyAdmin'],
  /** roles and scope: the security administrator's work (三员分立, decision 0032) */
  'user.grant': ['secAdmin', 'agencyAdmin'],
  /** an account's second factor (reset when a phone is lost): the security administrator's work */
  'security.manage': ['secAdmin'],
  'calendar.manage': ['sysAdmin'],
  /** the search dictionary (synonyms and abbreviations) serves the whole platform's search */
  'search.dictionary': ['sysAdmin', 'agencyAdmin'],
  // issue 16 (政民互动): reading letters and records; routing and answering letters (a department's handler for
  // its own); opening consultations and surveys, recording responses and other channels' counts, settings
  'interaction.read': ['sysAdmin', 'agencyAdmin', 'office', 'handler', 'supervisor'],
  'interaction.handle': ['sysAdmin', 'office', 'handler'],
  'interaction.manage': ['sysAdmin', 'agencyAdmin', 'office'],
  /** the chain spans every agency: only the auditor reads it (三员分立, decision 0032) */
  'audit.read': ['auditAdmin'],
  /** issue 18: 政务服务事项 and 办事指南 (import, new versions) */
  'serviceItem.manage': ['sysAdmin', 'agencyAdmin', 'office'],
  /** 双随机一公开: item list, pools, draws and results */
  'inspection.manage': ['sysAdmin', 'agencyAdmin', 'office'],
  /** the yearly package for the archives */
  'archive.build': ['sysAdmin', 'agencyAdmin', 'office'],
  /** site inspection: run it, read what failed (a supervisor reads each agency's count) */
  'siteInspection.run': ['sysAdmin', 'agencyAdmin', 'office'],
  'siteInspection.read': ['sysAdmin', 'agencyAdmin', 'office', 'supervisor'],
  /** issue 19: the supervisor's console over their subtree; generating, editing and publishing its 通报 */
  'supervision.read': ['sysAdmin', 'supervisor'],
  'supervision.publish': ['sysAdmin', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[]

/** What a request is about: an agency's thing, maybe a department's. */
export interface Resource {
  agencyId: number
  departmentId?: number | null
}

const READ_ONLY: readonly Permission[] = [
  'console.view',
  'case.read',
  'letter.read',
  'publication.read',
  'audit.read',
  'siteInspection.read',
  'interaction.read',
  'supervision.read',
]

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
      case 'secAdmin':
      case 'auditAdmin':
        return true
      case 'supervisor':
        // a supervisor reads; their one act is the 通报 of their own subtree (issue 19)
        return (
          (READ_ONLY.includes(permission) || permission === 'supervision.publish') &&
          p.supervisedAgencyIds.includes(resource.agencyId)
        )
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
  if (roles.some((r) => (SEPARATED_DUTIES as readonly Role[]).includes(r)))
    return { allAgencies: true, agencyIds: [], departmentIds: null }
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
 * May `p` manage (create, reset, disable) an account holding `roles` in `agencyId` (decision 0032)? Accounts of
 * the separated duties only from the command line; others by the system administrator, and by an agency
 * administrator within their own agency (never a supervisor's).
 */
export function mayManage(p: Principal, roles: readonly Role[], agencyId: number | null): boolean {
  if (p.userId === SYSTEM_USER_ID) return true
  if (roles.some((r) => (SEPARATED_DUTIES as readonly Role[]).includes(r))) return false
  if (p.roles.includes('sysAdmin')) return true
  if (!p.roles.includes('agencyAdmin') || agencyId === null || agencyId !== p.agencyId) return false
  return roles.every((r) => r !== 'supervisor')
}

/**
 * May `p` give these roles to an account of `agencyId` (decision 0032)? The separated duties only from the
 * command line (the system); other roles by the security administrator anywhere, by an agency administrator
 * within their own agency (never supervisor). Granting nothing needs no authority.
 */
export function mayGrant(p: Principal, roles: readonly Role[], agencyId: number | null): boolean {
  if (p.userId === SYSTEM_USER_ID) return true
  if (roles.length === 0) return true
  if (roles.some((r) => (SEPARATED_DUTIES as readonly Role[]).includes(r))) return false
  if (p.roles.includes('secAdmin')) return true
  if (!p.roles.includes('agencyAdmin') || agencyId === null || agencyId !== p.agencyId) return false
  return roles.every((r) => r !== 'supervisor')
}
