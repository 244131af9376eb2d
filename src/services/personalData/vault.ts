// Used by retention (issue 17 points 4–5: the anonymisation job and the applicant's rights): `readApplicantRecord`
// and `forgetApplicant` keep their names and signatures; their insides may change with the encryption at rest.
//
// The one module through which everything that shows an applicant (case page, letters, exports, the public status
// page, messages) opens the sealed name and details (issue 17 point 1, decision 0045). Open only what a page shows:
// each call unwraps the data keys it needs once.
import type { Kysely, Transaction } from 'kysely'
import type { ApplicationRow } from '../../store/applicationRepo.js'
import { parseApplicantDetails } from '../../store/applicationRepo.js'
import { listApplicationFiles } from '../../store/applicationFileRepo.js'
import { dataKeyIdOf } from '../../store/personalData/envelope.js'
import { Opener } from '../../store/personalData/sealedStore.js'
import type { Database } from '../../store/schema.js'

/** The name shown for an applicant whose personal data was erased (crypto-shredded). */
export const ANONYMISED_NAME = '（已匿名化）'

type SealedApplicant = Pick<ApplicationRow, 'applicant' | 'applicant_name'>

export interface OpenedApplicant {
  name: string
  details: Record<string, unknown>
}

/** The applicant of one case: name and details (contact, identity, delivery …), opened. */
export async function openApplicant(
  db: Kysely<Database>,
  row: SealedApplicant,
  opener = new Opener(db),
): Promise<OpenedApplicant> {
  await opener.prefetch([row.applicant_name, row.applicant])
  return {
    name: await opener.text(row.applicant_name, ANONYMISED_NAME),
    details: parseApplicantDetails(await opener.text(row.applicant, '{}')),
  }
}

/** The applicant's details alone (where a step needs the delivery, the contact or the second factor). */
export async function applicantDetails(db: Kysely<Database>, row: Pick<ApplicationRow, 'applicant'>) {
  return parseApplicantDetails(await new Opener(db).text(row.applicant, '{}'))
}

/** A page of cases (lists, exports) with their applicants' names opened, the data keys unwrapped in one query. */
export async function withApplicantNames<T extends { applicantName: string }>(
  db: Kysely<Database>,
  rows: readonly T[],
): Promise<T[]> {
  const opener = new Opener(db)
  await opener.prefetch(rows.map((r) => r.applicantName))
  return Promise.all(
    rows.map(async (r) => ({ ...r, applicantName: await opener.text(r.applicantName, ANONYMISED_NAME) })),
  )
}

export interface ApplicantRecord {
  name: string
  kind: string
  details: Record<string, unknown>
  files: { id: number; purpose: string; fileName: string; mime: string; size: number }[]
}

/** Everything the agency holds about a case's applicant, opened (the applicant's rights; staff export). */
export async function readApplicantRecord(
  db: Kysely<Database> | Transaction<Database>,
  applicationId: number,
): Promise<ApplicantRecord | null> {
  const row = await db
    .selectFrom('applications')
    .select(['applicant', 'applicant_name', 'applicant_kind'])
    .where('id', '=', applicationId)
    .executeTakeFirst()
  if (!row) return null
  const { name, details } = await openApplicant(db, row)
  const purposes = await db
    .selectFrom('application_files')
    .select(['id', 'purpose'])
    .where('application_id', '=', applicationId)
    .execute()
  const purposeOf = new Map(purposes.map((p) => [Number(p.id), p.purpose]))
  const files = (await listApplicationFiles(db, applicationId)).map((f) => ({
    id: f.id,
    purpose: purposeOf.get(f.id) ?? '',
    fileName: f.fileName,
    mime: f.mime,
    size: f.size,
  }))
  return { name, kind: row.applicant_kind, details, files }
}

/**
 * Crypto-shreds a case's applicant (retention, 《档案法》 periods, decision 0045): deletes the case's data keys and
 * the ciphertexts they sealed (name, details, file contents, message recipients) and its hash-index entries; the
 * name shown becomes （已匿名化）. Keeps applicant_kind, the dates, states and outcomes a report counts. Running it
 * again changes nothing.
 */
export async function forgetApplicant(trx: Transaction<Database>, applicationId: number, today: string): Promise<void> {
  const row = await trx
    .selectFrom('applications')
    .select(['applicant', 'applicant_name', 'data_key_id'])
    .where('id', '=', applicationId)
    .executeTakeFirst()
  if (!row) return
  const files = await trx
    .selectFrom('application_files')
    .select(['id', 'content_base64'])
    .where('application_id', '=', applicationId)
    .execute()
  const messages = await trx
    .selectFrom('outbox_messages')
    .select(['recipient'])
    .where('application_id', '=', applicationId)
    .execute()
  const keyIds = new Set<number>()
  if (row.data_key_id != null) keyIds.add(Number(row.data_key_id))
  for (const v of [
    row.applicant,
    row.applicant_name,
    ...files.map((f) => f.content_base64),
    ...messages.map((m) => m.recipient),
  ]) {
    const id = dataKeyIdOf(v)
    if (id !== null) keyIds.add(id)
  }
  await trx
    .updateTable('applications')
    .set({ applicant_name: ANONYMISED_NAME, applicant: JSON.stringify({ anonymisedOn: today }), data_key_id: null })
    .where('id', '=', applicationId)
    .execute()
  await trx
    .updateTable('application_files')
    .set({ content_base64: '', file_name: ANONYMISED_NAME })
    .where('application_id', '=', applicationId)
    .execute()
  await trx
    .updateTable('outbox_messages')
    .set({ recipient: ANONYMISED_NAME })
    .where('application_id', '=', applicationId)
    .execute()
  await trx
    .updateTable('outbox_messages')
    .set({ state: 'failed', last_error: '申请人个人信息已匿名化，不再发送' })
    .where('application_id', '=', applicationId)
    .where('state', 'in', ['pending', 'retrying'])
    .execute()
  await trx.deleteFrom('applicant_index').where('application_id', '=', applicationId).execute()
  if (keyIds.size)
    await trx
      .deleteFrom('data_keys')
      .where('id', 'in', [...keyIds])
      .execute()
}
