import type { Kysely } from 'kysely'
import type { ThrottleState } from '../domain/auth/loginThrottle.js'
import type { Database } from './schema.js'

// Failed-login counters (decision 0031). Keys: `name:<attempted name>`, `addr:<address>`, `totp:<user id>`.

export async function findThrottle(db: Kysely<Database>, key: string): Promise<ThrottleState | null> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst()
  if (!row) return null
  return {
    failures: Number(row.failures),
    lastFailureAt: Date.parse(row.last_failure_at),
    blockedUntil: Date.parse(row.blocked_until),
  }
}

export async function saveThrottle(db: Kysely<Database>, key: string, s: ThrottleState): Promise<void> {
  const values = {
    failures: s.failures,
    last_failure_at: new Date(s.lastFailureAt).toISOString(),
    blocked_until: new Date(s.blockedUntil).toISOString(),
  }
  await db
    .insertInto('login_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute()
}

export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute()
}

/** Forgets counters whose last failure is before `beforeIso`. */
export async function pruneThrottles(db: Kysely<Database>, beforeIso: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_failure_at', '<', beforeIso).execute()
}
