import type { Kysely } from 'kysely'
import { identityHashOf } from './personalData/sealedStore.js'
import type { Database } from './schema.js'

export interface EarlierApplication {
  id: number
  ref: string
  receivedOn: string
  description: string
  state: string
  outcome: string | null
  concludedOn: string | null
}

/**
 * The cases of the same applicant (name with ID number or credit code) to the same agency, found through the keyed
 * hash index (decision 0045): the applicant's details are never read in clear to compare them.
 */
export function sameApplicantCases(db: Kysely<Database>, agencyId: number, identityHash: string) {
  return db
    .selectFrom('applications')
    .innerJoin('applicant_index', 'applicant_index.application_id', 'applications.id')
    .where('applicant_index.field', '=', 'identity')
    .where('applicant_index.hash', '=', identityHash)
    .where('applications.agency_id', '=', agencyId)
}

/** The same applicant's other applications to the same agency received on or before `id`'s, newest first. */
export async function earlierApplicationsOfApplicant(db: Kysely<Database>, id: number): Promise<EarlierApplication[]> {
  const row = await db
    .selectFrom('applications')
    .select(['agency_id', 'received_on'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return []
  const hash = await identityHashOf(db, id)
  if (!hash) return []
  const rows = await sameApplicantCases(db, Number(row.agency_id), hash)
    .select([
      'applications.id',
      'applications.ref',
      'applications.received_on',
      'applications.description',
      'applications.state',
      'applications.outcome',
      'applications.concluded_on',
    ])
    .where('applications.id', '!=', id)
    .where('applications.received_on', '<=', row.received_on)
    .orderBy('applications.received_on', 'desc')
    .orderBy('applications.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: Number(r.id),
    ref: r.ref,
    receivedOn: r.received_on,
    description: r.description,
    state: r.state,
    outcome: r.outcome,
    concludedOn: r.concluded_on,
  }))
}
