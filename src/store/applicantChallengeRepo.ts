import type { Kysely } from 'kysely'
import { nowIso } from './database.js'
import type { Database } from './schema.js'

/** A one-time code sent to the applicant, or a download grant after the second factor (hashes only). */
export interface NewChallenge {
  applicationId: number
  kind: 'code' | 'grant'
  secretHash: string
  expiresAt: string
}

export async function insertChallenge(db: Kysely<Database>, c: NewChallenge): Promise<void> {
  await db
    .insertInto('applicant_challenges')
    .values({
      application_id: c.applicationId,
      kind: c.kind,
      secret_hash: c.secretHash,
      expires_at: c.expiresAt,
      tries: 0,
      created_at: nowIso(),
    })
    .execute()
}

/** The case's newest unexpired challenge of this kind, if any. */
export async function latestChallenge(
  db: Kysely<Database>,
  applicationId: number,
  kind: 'code' | 'grant',
  now: string,
) {
  const r = await db
    .selectFrom('applicant_challenges')
    .select(['id', 'secret_hash', 'tries', 'created_at'])
    .where('application_id', '=', applicationId)
    .where('kind', '=', kind)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return r
    ? { id: Number(r.id), secretHash: r.secret_hash, tries: Number(r.tries), createdAt: r.created_at }
    : undefined
}

/** The grant with this hash for this case, unexpired. */
export async function findGrant(db: Kysely<Database>, applicationId: number, secretHash: string, now: string) {
  return db
    .selectFrom('applicant_challenges')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('kind', '=', 'grant')
    .where('secret_hash', '=', secretHash)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

export async function countTry(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('applicant_challenges')
    .set((eb) => ({ tries: eb('tries', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

/** A used or exhausted code ends (expires now). */
export async function expireChallenge(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('applicant_challenges').set({ expires_at: nowIso() }).where('id', '=', id).execute()
}
