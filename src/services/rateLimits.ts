import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import { countHit, deleteRateLimitsBefore, trimRateLimits } from '../store/rateLimitRepo.js'

export interface RateVerdict {
  allowed: boolean
  hits: number
  /** seconds until the window resets */
  retryAfter: number
}

/** Counters are forgotten this long after their window began. */
const RATE_LIMIT_KEEP_MS = 86_400_000
/**
 * At most this many counters are kept (issue 15 finding 2: 30,907 rows in 8 s): past it the oldest windows are
 * forgotten first, so a flood of addresses costs bounded space, and the counters in use stay.
 */
export const RATE_LIMIT_MAX_ROWS = 50_000

/** Counts one hit for `key` in a fixed window kept in the database (so several server instances share it). */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  limit: number,
  windowMs: number,
  now = Date.now(),
): Promise<RateVerdict> {
  const hits = await countHit(db, key, new Date(now - (now % windowMs)).toISOString())
  const retryAfter = Math.ceil((windowMs - (now % windowMs)) / 1000)
  return { allowed: hits <= limit, hits, retryAfter }
}

/**
 * Forgets counters whose window began more than a day ago, then the oldest beyond RATE_LIMIT_MAX_ROWS; returns
 * how many were forgotten.
 */
export async function pruneRateLimits(
  db: Kysely<Database>,
  now = Date.now(),
  maxRows = RATE_LIMIT_MAX_ROWS,
): Promise<number> {
  const old = await deleteRateLimitsBefore(db, new Date(now - RATE_LIMIT_KEEP_MS).toISOString())
  return old + (await trimRateLimits(db, maxRows))
}
