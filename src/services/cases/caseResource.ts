import type { Resource } from '../../domain/auth/permissions.js'
import type { ApplicationRow } from '../../store/applicationRepo.js'

/** A case as the permission table sees it: its agency and, once routed, its department. */
export function caseResource(row: Pick<ApplicationRow, 'agency_id' | 'department_id'>): Resource {
  return {
    agencyId: Number(row.agency_id),
    departmentId: row.department_id === null ? null : Number(row.department_id),
  }
}
