import { sql } from 'kysely'
import type { Engine, Store } from '../store/database.js'

/** The health check: the database answers a query; which engine it is. */
export async function checkHealth(store: Store): Promise<{ ok: true; engine: Engine }> {
  await sql`select 1`.execute(store.db)
  return { ok: true, engine: store.engine }
}
