import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { LetterTable } from './interactionSchema.js'
import type { Database } from './schema.js'

// Letters to the agency (政民互动): the only SQL on them. Deadlines and lateness are computed by the domain
// (letterDueDate, answeredLate) and stored here as copies.

export type LetterRow = Selectable<LetterTable>
export type NewLetter = Insertable<LetterTable>

export async function insertLetter(db: Kysely<Database>, row: NewLetter): Promise<number> {
  const r = await db.insertInto('letters').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

/** Many letters at once (imports, the demo), in slices both engines accept. */
export async function insertLetters(db: Kysely<Database>, rows: readonly NewLetter[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('letters')
      .values(rows.slice(i, i + 200))
      .execute()
}

export async function findLetter(db: Kysely<Database>, id: number): Promise<LetterRow | undefined> {
  if (!Number.isSafeInteger(id)) return undefined
  return db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findLetterByCode(db: Kysely<Database>, code: string): Promise<LetterRow | undefined> {
  return db.selectFrom('letters').selectAll().where('query_code', '=', code).executeTakeFirst()
}

export async function updateLetter(db: Kysely<Database>, id: number, patch: Updateable<LetterTable>): Promise<void> {
  await db.updateTable('letters').set(patch).where('id', '=', id).execute()
}

export interface LetterListFilter {
  /** null: every agency */
  agencyIds: readonly number[] | null
  /** null: every department of those agencies */
  departmentIds: readonly number[] | null
  open?: boolean
  limit: number
}

export async function listLetters(db: Kysely<Database>, f: LetterListFilter) {
  let q = db
    .selectFrom('letters')
    .leftJoin('departments', 'departments.id', 'letters.department_id')
    .select([
      'letters.id',
      'letters.agency_id',
      'letters.kind',
      'letters.subject',
      'letters.status',
      'letters.received_on',
      'letters.due_on',
      'letters.due_provisional',
      'letters.answered_on',
      'letters.rating',
      'letters.supervised_on',
      'departments.name as department',
    ])
  if (f.agencyIds !== null) q = q.where('letters.agency_id', 'in', f.agencyIds.length ? [...f.agencyIds] : [-1])
  if (f.departmentIds !== null)
    q = q.where('letters.department_id', 'in', f.departmentIds.length ? [...f.departmentIds] : [-1])
  if (f.open) q = q.where('letters.status', '!=', 'answered')
  return q.orderBy('letters.due_on').orderBy('letters.id', 'desc').limit(f.limit).execute()
}

/** Published letters (consented 咨询/建议 with personal data removed), newest answer first. */
export async function listPublishedLetters(db: Kysely<Database>, agencyId: number | null, limit: number) {
  let q = db
    .selectFrom('letters')
    .innerJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'letters.id',
      'letters.kind',
      'letters.public_subject',
      'letters.public_body',
      'letters.public_answer',
      'letters.received_on',
      'letters.answered_on',
      'agencies.name as agency',
    ])
    .where('letters.published', '=', 1)
  if (agencyId !== null) q = q.where('letters.agency_id', '=', agencyId)
  return q.orderBy('letters.answered_on', 'desc').orderBy('letters.id', 'desc').limit(limit).execute()
}

/** The agency's working days per kind, as set (kinds it never set are absent). */
export async function letterDeadlines(db: Kysely<Database>, agencyId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('letter_deadlines').selectAll().where('agency_id', '=', agencyId).execute()
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.working_days)]))
}

export async function setLetterDeadline(db: Kysely<Database>, agencyId: number, kind: string, days: number) {
  await db
    .insertInto('letter_deadlines')
    .values({ agency_id: agencyId, kind, working_days: days })
    .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet({ working_days: days }))
    .execute()
}

/** How many letters an agency holds (the demo loads once). */
export async function countLetters(db: Kysely<Database>, agencyId: number): Promise<number> {
  const r = await db
    .selectFrom('letters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
