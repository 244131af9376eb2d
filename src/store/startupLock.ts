import { sql } from 'kysely'
import type { Store } from './database.js'

/**
 * Runs `work` while holding a PostgreSQL session advisory lock named `name` (decision 0049): instances starting
 * together on one database take turns, so start-up work (rebuilding an old-format search index, loading the demo)
 * is done by the first and found done by the others, which wait for it before they listen. The lock is held on a
 * connection of its own and released with it, also when the process dies. SQLite serves one process: no lock.
 */
export async function withStartupLock<T>(store: Store, name: string, work: () => Promise<T>): Promise<T> {
  if (store.engine !== 'postgres') return work()
  return store.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${`gongkai:${name}`}))`.execute(conn)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${`gongkai:${name}`}))`.execute(conn)
    }
  })
}
