import type { Permission } from '../domain/auth/permissions.js'
import { listScope } from '../domain/auth/permissions.js'
import { listAgencies } from '../store/agencyRepo.js'
import type { Store } from '../store/database.js'
import type { Actor } from './actor.js'
import { authorize } from './actor.js'
import { NotFoundError } from './errors.js'

/**
 * The agency a console page of `permission` shows: the one asked for (by code) among those the actor may act
 * for, else the actor's own, else the first; with the list to choose from.
 */
export async function consoleAgency(props: { store: Store; actor: Actor; permission: Permission; code?: string }) {
  const p = authorize(props.actor, props.permission)
  const scope = listScope(p, props.permission)
  const agencies = (await listAgencies(props.store.db))
    .filter((a) => scope.allAgencies || scope.agencyIds.includes(a.id))
    .map((a) => ({ id: a.id, name: a.name, code: a.code }))
  const chosen = agencies.find((a) => a.code === props.code) ?? agencies.find((a) => a.id === p.agencyId) ?? agencies[0]
  if (!chosen) throw new NotFoundError('可管理的机关')
  return { agency: chosen, agencies }
}
