import type { Resource } from '../../domain/auth/permissions.js'
import type { Store } from '../../store/database.js'
import { findApplication } from '../../store/applicationRepo.js'
import { caseResource } from '../cases/caseResource.js'

/** What a case is, for the permission table: its agency and department (undefined: no such case). */
export async function resourceOfCase(store: Store, id: number): Promise<Resource | undefined> {
  if (!Number.isSafeInteger(id)) return undefined
  const row = await findApplication(store.db, id)
  return row ? caseResource(row) : undefined
}
