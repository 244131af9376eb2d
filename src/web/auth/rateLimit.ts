import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../../store/schema.js'

export interface RateVerdict {
  allowed: boolean
  hits: number
  /** seconds until the window resets */
  retryAfter: number
}

/**
 * Counts one hit for `key` in a fixed window kept in the database (so several server instances share it).
 * One statement: insert the key, or add to it, or restart its window when the window has passed.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  limit: number,
  windowMs: number,
  now = Date.now(),
): Promise<RateVerdict> {
  const start = new Date(now - (now % windowMs)).toISOString()
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: start, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.window_start = ${start} then rate_limits.hits + 1 else 1 end`,
        window_start: start,
      }),
    )
    .returning(['hits'])
    .executeTakeFirstOrThrow()
  const hits = Number(row.hits)
  const retryAfter = Math.ceil((windowMs - (now % windowMs)) / 1000)
  return { allowed: hits <= limit, hits, retryAfter }
}

/** Forgets counters whose window ended more than a day ago (called by the reminders job). */
export async function pruneRateLimits(db: Kysely<Database>, now = Date.now()): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('window_start', '<', new Date(now - 86_400_000).toISOString())
    .execute()
}
