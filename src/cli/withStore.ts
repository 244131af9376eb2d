import type { Store } from '../store/database.js'
import { databaseUrl, migrate, openStore } from '../store/database.js'

/** Opens the configured database, migrated, for one command, and closes it after. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl())
  try {
    await migrate(store)
    return await work(store)
  } finally {
    await store.close()
  }
}
