import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

/** The 编号 among `refs` that cases of the agency already hold. */
export async function refsTaken(db: Kysely<Database>, agencyId: number, refs: readonly string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set()
  const rows = await db
    .selectFrom('applications')
    .select('ref')
    .where('agency_id', '=', agencyId)
    .where('ref', 'in', refs)
    .execute()
  return new Set(rows.map((r) => r.ref))
}

/**
 * Removes cases an import created, with their histories, when a later part of the same file failed (all or
 * nothing per file). Only cases nobody has touched since: a case with anything but its imported history (a
 * review, a file, a letter) keeps the foreign keys that refuse its removal.
 */
export async function deleteImportedCases(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500)
    await db.deleteFrom('application_events').where('application_id', 'in', part).execute()
    // the cases' hash-index entries and data keys go with them (decision 0045)
    await db.deleteFrom('applicant_index').where('application_id', 'in', part).execute()
    const keys = await db.selectFrom('applications').select('data_key_id').where('id', 'in', part).execute()
    await db.deleteFrom('applications').where('id', 'in', part).execute()
    const keyIds = keys.flatMap((k) => (k.data_key_id === null ? [] : [Number(k.data_key_id)]))
    if (keyIds.length) await db.deleteFrom('data_keys').where('id', 'in', keyIds).execute()
  }
}
