import type { Kysely } from 'kysely'
import { subtreeOf } from '../../domain/supervision/hierarchy.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Database } from '../../store/schema.js'
import type { UserRow } from '../../store/userRepo.js'

/** The agencies a supervisor account reads: the subtree of its granted root, as the hierarchy stands now. */
export async function supervisedSubtree(
  db: Kysely<Database>,
  user: Pick<UserRow, 'supervised_root_id'>,
): Promise<number[]> {
  if (user.supervised_root_id === null) return []
  return subtreeOf(Number(user.supervised_root_id), await listAgencies(db)).map((a) => a.id)
}
