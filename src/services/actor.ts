import type { Permission, Resource } from '../domain/auth/permissions.js'
import { can } from '../domain/auth/permissions.js'
import type { Principal } from '../domain/auth/roles.js'
import { SEPARATED_DUTIES, SYSTEM_USER_ID } from '../domain/auth/roles.js'
import type { AuditActor } from '../store/auditRepo.js'
import { Forbidden } from './errors.js'

/**
 * Who does a use case, and from where: every service takes one in its props. `principal` is null for the
 * public (an applicant on the portal); the command line acts as the system (`systemActor`).
 */
export interface Actor {
  username: string
  ip: string
  principal: Principal | null
}

/** The one permission check of the services: the domain's table (domain/auth/permissions.ts). */
export function authorize(actor: Actor, permission: Permission, resource?: Resource, message?: string): Principal {
  if (!actor.principal || !can(actor.principal, permission, resource)) throw new Forbidden(message)
  return actor.principal
}

/** The audit chain's record of an actor. */
export function auditActor(actor: Actor): AuditActor {
  return { actor: actor.username, ip: actor.ip }
}

/** Someone on the public portal, known only by address. */
export function publicActor(ip: string): Actor {
  return { username: 'public', ip, principal: null }
}

/**
 * The command line and the jobs of the server: whoever runs them holds the database already, so they act with
 * a system administrator's permissions, under their own name in the audit chain.
 */
export function systemActor(name = 'cli'): Actor {
  return {
    username: name,
    ip: '',
    principal: {
      userId: SYSTEM_USER_ID,
      username: name,
      // the system is no account: it holds every separated duty (decision 0032), e.g. to verify the audit chain
      roles: [...SEPARATED_DUTIES],
      agencyId: null,
      departmentIds: [],
      supervisedAgencyIds: [],
    },
  }
}
