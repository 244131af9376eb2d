import { z } from 'zod'
import type { Role } from '../../domain/auth/roles.js'
import { isRole } from '../../domain/auth/roles.js'

/** Settings of signing in, from the environment (docs/security.md, decision 0031). */
export interface AuthPolicy {
  /** roles besides the administrators that must use a second factor (GONGKAI_TOTP_ROLES=office,handler) */
  totpRoles: Role[]
  /** sessions one account may hold at once; a new login ends the oldest (GONGKAI_MAX_SESSIONS, default 3) */
  maxSessions: number
}

const env = z.object({
  GONGKAI_TOTP_ROLES: z.string().default(''),
  GONGKAI_MAX_SESSIONS: z.coerce.number().int().min(1).max(100).default(3),
})

/** Read on each call: cheap, and a test or an operator may change the environment. */
export function authPolicy(source: NodeJS.ProcessEnv = process.env): AuthPolicy {
  const parsed = env.parse({
    GONGKAI_TOTP_ROLES: source.GONGKAI_TOTP_ROLES,
    GONGKAI_MAX_SESSIONS: source.GONGKAI_MAX_SESSIONS || undefined,
  })
  const totpRoles = parsed.GONGKAI_TOTP_ROLES.split(',')
    .map((r) => r.trim())
    .filter(isRole)
  return { totpRoles, maxSessions: parsed.GONGKAI_MAX_SESSIONS }
}
