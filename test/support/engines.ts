import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe } from 'vitest'
import pg from 'pg'
import type { Engine, Store } from '../../src/store/database.js'
import { ensurePgUser, migrate, openStore } from '../../src/store/database.js'

const PG_URL = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
/** `.ci/run` sets this: there, no PostgreSQL server means failure, not a skip. */
const PG_REQUIRED = process.env.GONGKAI_REQUIRE_PG === '1'

async function postgresAnswers(): Promise<boolean> {
  ensurePgUser()
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export const pgAvailable = await postgresAnswers()
if (!pgAvailable) {
  if (PG_REQUIRED) throw new Error(`PostgreSQL is required (GONGKAI_REQUIRE_PG=1) but ${PG_URL} does not answer`)
  console.warn(`[skip] PostgreSQL at ${PG_URL} does not answer: the PostgreSQL half of the store tests is SKIPPED`)
} else console.info(`[engines] PostgreSQL at ${PG_URL} answers: store tests run on sqlite and postgres`)

export const ENGINES: Engine[] = pgAvailable ? ['sqlite', 'postgres'] : ['sqlite']

/** A fresh, migrated database: in-memory SQLite, or a new PostgreSQL schema dropped afterwards. */
export async function freshStore(engine: Engine): Promise<Store & { drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const store = await openStore('sqlite::memory:')
    await migrate(store)
    return { ...store, drop: store.close }
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const store = await openStore(PG_URL, { schema })
  await migrate(store)
  return {
    ...store,
    async drop() {
      await store.close()
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`drop schema ${schema} cascade`)
      await c.end()
    },
  }
}

/**
 * Runs the same suite on every engine (style.md §5: one suite, two engines). Each engine gets its own
 * fresh database for the file; `get()` returns it inside tests.
 */
export function describeEachEngine(name: string, suite: (get: () => Store, engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let store: (Store & { drop(): Promise<void> }) | undefined
      beforeAll(async () => {
        store = await freshStore(engine)
      })
      afterAll(async () => {
        await store?.drop()
      })
      suite(() => {
        if (!store) throw new Error('store not ready')
        return store
      }, engine)
    })
  }
}
