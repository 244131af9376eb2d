import type { Agency } from '../store/agencyRepo.js'
import { findAgencyByCodeOrName } from '../store/agencyRepo.js'
import type { Store } from '../store/database.js'
import { systemActor } from './actor.js'
import type { CreateAgencyProps } from './admin/createAgency.js'
import { createAgency as createAgencyAs } from './admin/createAgency.js'
import { createDepartment as createDepartmentAs } from './admin/createDepartment.js'

// The loaders' way in (demo data, ledger imports, test factories): the same use cases as the console's,
// acting as the system, so every agency and department they add is checked and audited alike.

/** Creates an agency as the system (services/admin/createAgency.ts). */
export async function createAgency(store: Store, input: Omit<CreateAgencyProps, 'store' | 'actor'>): Promise<number> {
  return createAgencyAs({ store, actor: systemActor('system'), ...input })
}

/** Finds an agency by 统一社会信用代码 or exact name. */
export async function findAgency(store: Store, nameOrCode: string): Promise<Agency | undefined> {
  return findAgencyByCodeOrName(store.db, nameOrCode)
}

/** Adds a department as the system (services/admin/createDepartment.ts). */
export async function createDepartment(store: Store, agencyId: number, name: string): Promise<number> {
  return createDepartmentAs({ store, actor: systemActor('system'), agencyId, name })
}
