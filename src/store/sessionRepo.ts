import type { Kysely, Selectable } from 'kysely'
import type { Database, SessionTable } from './schema.js'

// Sessions live in the database (not in process memory) so that any instance behind a balancer knows them.
// Rows are keyed by the hash of the cookie token: the token itself is never stored.

export type SessionRow = Selectable<SessionTable>

export async function insertSession(
  db: Kysely<Database>,
  s: { id: string; userId: number; at: string; ip: string; userAgent: string; pendingFactor?: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: s.at,
      last_seen_at: s.at,
      ip: s.ip,
      user_agent: s.userAgent,
      pending_factor: s.pendingFactor ?? null,
    })
    .execute()
}

/** Ends the oldest sessions of an account beyond its newest `keep`. */
export async function deleteSessionsBeyond(db: Kysely<Database>, userId: number, keep: number): Promise<void> {
  const kept = db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(keep)
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', 'not in', kept).execute()
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function touchSession(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute()
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

/** Ends every session of an account, but the one with id `exceptId` (the session changing its password). */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptId) q = q.where('id', '!=', exceptId)
  await q.execute()
}
