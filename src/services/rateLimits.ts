import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import { countHit, deleteRateLimitsBefore } from '../store/rateLimitRepo.js'

export interface RateVerdict {
  allowed: boolean
  hits: number
  /** seconds until the window resets */
  retryAfter: number
}

/** Counters are forgotten this long after their window began. */
const RATE_LIMIT_KEEP_MS = 86_400_000

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

/** Forgets counters whose window began more than a day ago; returns how many were forgotten. */
export async function pruneRateLimits(db: Kysely<Database>, now = Date.now()): Promise<number> {
  return deleteRateLimitsBefore(db, new Date(now - RATE_LIMIT_KEEP_MS).toISOString())
}
