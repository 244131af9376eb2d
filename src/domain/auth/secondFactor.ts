import type { Role } from './roles.js'
import { ADMIN_ROLES } from './roles.js'

/** What a signed-in password still owes: nothing, a TOTP code, or an enrolment (decision 0031). */
export type FactorDue = 'none' | 'verify' | 'enrol'

/**
 * Administrators always sign in with a second factor; `alsoRequired` (a setting) adds other roles. An account
 * that enrolled of its own will is asked for its code too.
 */
export function factorDue(
  account: { roles: readonly Role[]; totpEnrolled: boolean },
  alsoRequired: readonly Role[],
): FactorDue {
  if (account.totpEnrolled) return 'verify'
  const required = [...ADMIN_ROLES, ...alsoRequired]
  return account.roles.some((r) => required.includes(r)) ? 'enrol' : 'none'
}
