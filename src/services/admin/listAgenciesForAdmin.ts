import { can } from '../../domain/auth/permissions.js'
import type { Store } from '../../store/database.js'
import { listAgencies, listDepartments } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'

export interface AgenciesForAdmin {
  agencies: { id: number; name: string; code: string; departments: string[] }[]
  /** may the actor add agencies (a system administrator) */
  canAddAgency: boolean
}

/** The agencies whose departments the actor manages, each with its departments' names. */
export async function listAgenciesForAdmin({
  store,
  actor,
}: {
  store: Store
  actor: Actor
}): Promise<AgenciesForAdmin> {
  const p = authorize(actor, 'department.manage')
  const agencies = (await listAgencies(store.db)).filter((a) => can(p, 'department.manage', { agencyId: a.id }))
  const departments = await listDepartments(
    store.db,
    agencies.map((a) => a.id),
  )
  return {
    agencies: agencies.map((a) => ({
      id: a.id,
      name: a.name,
      code: a.code,
      departments: departments.filter((d) => d.agencyId === a.id).map((d) => d.name),
    })),
    canAddAgency: can(p, 'agency.manage'),
  }
}
