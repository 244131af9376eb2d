import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from './schema.js'

/**
 * Counts one hit for `key` in the window that began at `windowStart` (so several server instances share it);
 * returns the hits in that window. One statement: insert the key, or add to it, or restart its window when
 * the stored window has passed.
 */
export async function countHit(db: Kysely<Database>, key: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.window_start = ${windowStart} then rate_limits.hits + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning(['hits'])
    .executeTakeFirstOrThrow()
  return Number(row.hits)
}

/** Deletes counters whose window began before `before`; returns how many. */
export async function deleteRateLimitsBefore(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** Keeps only the `keep` counters of the latest windows; returns how many others were deleted. */
export async function trimRateLimits(db: Kysely<Database>, keep: number): Promise<number> {
  const n = await db
    .selectFrom('rate_limits')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  const excess = Number(n.n) - keep
  if (excess <= 0) return 0
  const oldest = db.selectFrom('rate_limits').select('key').orderBy('window_start').orderBy('key').limit(excess)
  const r = await db.deleteFrom('rate_limits').where('key', 'in', oldest).executeTakeFirst()
  return Number(r.numDeletedRows)
}
