import { describe, expect, it } from 'vitest'
import { can, mayGrant, mayManage, PERMISSION_CODES, PERMISSIONS } from '../../../src/domain/auth/permissions.js'
import type { Principal, Role } from '../../../src/domain/auth/roles.js'
import { dutyConflict, ROLE_CODES, SEPARATED_DUTIES } from '../../../src/domain/auth/roles.js'

// 三员分立 (decision 0032): the system administrator, the security administrator and the auditor; none can do
// the others' work.

/** Permissions every staff member holds: they are nobody's work (entering the console, seeing the accounts). */
const COMMON: string[] = ['console.view', 'user.read']

const who = (roles: Role[], userId = 7): Principal => ({
  userId,
  username: 'x',
  roles,
  agencyId: null,
  departmentIds: [],
  supervisedAgencyIds: [],
})

const holders = (permission: keyof typeof PERMISSIONS) =>
  SEPARATED_DUTIES.filter((d) => (PERMISSIONS[permission] as readonly Role[]).includes(d))

describe('三员分立', () => {
  it('every permission that is one duty’s work belongs to exactly that duty', () => {
    const shared = PERMISSION_CODES.filter((p) => holders(p).length > 1 && !COMMON.includes(p))
    expect(shared).toEqual([])
  })

  it.each(SEPARATED_DUTIES.flatMap((a) => SEPARATED_DUTIES.filter((b) => b !== a).map((b) => [a, b] as const)))(
    'the roles of %s cover none of the work of %s',
    (a, b) => {
      const workOfB = PERMISSION_CODES.filter((p) => !COMMON.includes(p) && can(who([b]), p))
      expect(workOfB.length).toBeGreaterThan(0)
      expect(workOfB.filter((p) => can(who([a]), p))).toEqual([])
    },
  )

  it('each duty has the work the standard gives it', () => {
    expect(can(who(['auditAdmin']), 'audit.read')).toBe(true)
    expect(PERMISSION_CODES.filter((p) => !COMMON.includes(p) && can(who(['auditAdmin']), p))).toEqual(['audit.read'])
    expect(can(who(['secAdmin']), 'user.grant')).toBe(true)
    expect(can(who(['secAdmin']), 'security.manage')).toBe(true)
    for (const p of ['user.manage', 'agency.manage', 'calendar.manage'] as const)
      expect(can(who(['sysAdmin']), p)).toBe(true)
  })

  it('no account holds two duties, and no console user hands a duty out', () => {
    for (const a of SEPARATED_DUTIES) for (const b of SEPARATED_DUTIES) expect(dutyConflict([a, b])).toBe(a !== b)
    for (const actor of ROLE_CODES)
      for (const d of SEPARATED_DUTIES) expect(mayGrant(who([actor]), [d], null)).toBe(false)
    // the command line (the system, user id 0) may
    expect(mayGrant(who([...SEPARATED_DUTIES], 0), ['auditAdmin'], null)).toBe(true)
  })

  it('the system administrator keeps accounts but grants no role; the security administrator grants but keeps none', () => {
    expect(mayGrant(who(['sysAdmin']), ['office'], 1)).toBe(false)
    expect(mayManage(who(['sysAdmin']), ['office'], 1)).toBe(true)
    expect(mayGrant(who(['secAdmin']), ['office'], 1)).toBe(true)
    expect(can(who(['secAdmin']), 'user.manage')).toBe(false)
    // the accounts of the duties are beyond the system administrator: it cannot disable its auditor
    expect(mayManage(who(['sysAdmin']), ['auditAdmin'], null)).toBe(false)
  })
})
