import type { Kysely, Selectable } from 'kysely'
import type { Database, IssuedLetterTable } from './schema.js'

// Letters as issued (decision 0033): inserted once, never updated or deleted.

export type IssuedLetterRow = Selectable<IssuedLetterTable>

export async function findIssuedLetter(
  db: Kysely<Database>,
  applicationId: number,
  seq: number,
): Promise<IssuedLetterRow | undefined> {
  return db
    .selectFrom('issued_letters')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('seq', '=', seq)
    .executeTakeFirst()
}

/** Stores a letter unless one is already stored for the event: the first issue wins. */
export async function insertIssuedLetter(db: Kysely<Database>, row: IssuedLetterRow): Promise<void> {
  await db
    .insertInto('issued_letters')
    .values(row)
    .onConflict((oc) => oc.columns(['application_id', 'seq']).doNothing())
    .execute()
}

/** The events of a case whose letters are stored. */
export async function issuedSeqs(db: Kysely<Database>, applicationId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('issued_letters').select('seq').where('application_id', '=', applicationId).execute()
  return new Set(rows.map((r) => Number(r.seq)))
}

/** Ids of the cases of an agency (all agencies when null) that have events: the candidates for issuing. */
export async function casesWithEvents(db: Kysely<Database>, agencyId: number | null): Promise<number[]> {
  let q = db
    .selectFrom('applications')
    .select('id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('application_events as e')
          .select('e.id')
          .whereRef('e.application_id', '=', 'applications.id')
          .where('e.seq', '>', 0),
      ),
    )
  if (agencyId !== null) q = q.where('agency_id', '=', agencyId)
  const rows = await q.orderBy('id').execute()
  return rows.map((r) => Number(r.id))
}
