import { depthsUnder, subtreeOf } from '../../domain/supervision/hierarchy.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { Forbidden } from '../errors.js'

export interface ScopedAgency {
  id: number
  name: string
  parentId: number | null
  /** levels below the root (0: the root) */
  depth: number
}

export interface SupervisionScope {
  root: ScopedAgency
  /** the root's subtree, the root first, each agency before its children */
  agencies: ScopedAgency[]
  /** roots the actor may choose among (a system administrator: every top agency) */
  roots: { id: number; name: string }[]
}

/**
 * The subtree a supervisor reads: the root of their grant (its subtree was computed when the session was
 * read), or for a system administrator the chosen top agency. `rootId` may narrow to a branch in scope.
 */
export async function supervisionScope(store: Store, actor: Actor, rootId?: number | null): Promise<SupervisionScope> {
  const p = authorize(actor, 'supervision.read')
  const all = await listAgencies(store.db)
  const readable = (id: number) => (p.roles.includes('supervisor') ? p.supervisedAgencyIds.includes(id) : true)
  const tops = p.roles.includes('supervisor')
    ? all.filter((a) => a.id === p.supervisedAgencyIds[0])
    : all.filter((a) => a.parentId === null)
  const chosen =
    rootId && readable(rootId) ? rootId : (tops.find((a) => all.some((c) => c.parentId === a.id))?.id ?? tops[0]?.id)
  if (chosen === undefined) throw new Forbidden('没有可监督的机关')
  authorize(actor, 'supervision.read', { agencyId: chosen })
  const depth = depthsUnder(chosen, all)
  const agencies = subtreeOf(chosen, all).map((a) => ({
    id: a.id,
    name: a.name,
    parentId: a.parentId,
    depth: depth.get(a.id) ?? 0,
  }))
  const [root] = agencies
  if (!root) throw new Forbidden('没有可监督的机关')
  return { root, agencies, roots: tops.map((a) => ({ id: a.id, name: a.name })) }
}
