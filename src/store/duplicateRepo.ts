import type { Kysely } from 'kysely'
import { applicantOf } from './applicationRepo.js'
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

/** One applicant across applications: the name with the ID number or credit code they gave. */
function identityOf(applicantJson: string, name: string): string {
  const a = applicantOf({ applicant: applicantJson })
  const id = [a.idNumber, a.orgCode].find((v) => typeof v === 'string')
  return `${name}|${id ?? ''}`
}

/** The same applicant's other applications to the same agency received on or before `id`'s, newest first. */
export async function earlierApplicationsOfApplicant(db: Kysely<Database>, id: number): Promise<EarlierApplication[]> {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return []
  const rows = await db
    .selectFrom('applications')
    .select([
      'id',
      'ref',
      'received_on',
      'description',
      'state',
      'outcome',
      'concluded_on',
      'applicant',
      'applicant_name',
    ])
    .where('agency_id', '=', row.agency_id)
    .where('applicant_name', '=', row.applicant_name)
    .where('id', '!=', id)
    .where('received_on', '<=', row.received_on)
    .orderBy('received_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const me = identityOf(row.applicant, row.applicant_name)
  return rows
    .filter((r) => identityOf(r.applicant, r.applicant_name) === me)
    .map((r) => ({
      id: Number(r.id),
      ref: r.ref,
      receivedOn: r.received_on,
      description: r.description,
      state: r.state,
      outcome: r.outcome,
      concludedOn: r.concluded_on,
    }))
}
