import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from './schema.js'

// Case numbers per agency and year (decision 0020): the counter, and whether a number is already held.

/** Takes the agency's next number of the year inside the caller's transaction (1 for its first case). */
export async function takeCaseNumber(db: Kysely<Database>, agencyId: number, year: number): Promise<number> {
  await db
    .insertInto('case_ref_counters')
    .values({ agency_id: agencyId, year, last_no: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet({ last_no: sql`case_ref_counters.last_no + 1` }))
    .execute()
  const row = await db
    .selectFrom('case_ref_counters')
    .select('last_no')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow()
  return Number(row.last_no)
}

/** Whether a case of the agency already holds this number (an imported ledger's, or an older scheme's). */
export async function caseRefTaken(db: Kysely<Database>, agencyId: number, ref: string): Promise<boolean> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('ref', '=', ref)
    .executeTakeFirst()
  return row !== undefined
}
