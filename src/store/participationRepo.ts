import type { Insertable, Kysely, Selectable } from 'kysely'
import type { ConsultationTable, SurveyTable } from './interactionSchema.js'
import type { Database } from './schema.js'

// Consultations on drafts (意见征集) and online surveys (在线调查): the only SQL on them.

export type ConsultationRow = Selectable<ConsultationTable>
export type SurveyRow = Selectable<SurveyTable>

export async function insertConsultation(db: Kysely<Database>, row: Insertable<ConsultationTable>): Promise<number> {
  const r = await db.insertInto('consultations').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function findConsultation(db: Kysely<Database>, id: number): Promise<ConsultationRow | undefined> {
  if (!Number.isSafeInteger(id)) return undefined
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listConsultations(db: Kysely<Database>, agencyIds: readonly number[] | null, limit = 100) {
  let q = db
    .selectFrom('consultations')
    .innerJoin('agencies', 'agencies.id', 'consultations.agency_id')
    .selectAll('consultations')
    .select('agencies.name as agency')
  if (agencyIds !== null) q = q.where('consultations.agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
  return q.orderBy('consultations.opens_on', 'desc').orderBy('consultations.id', 'desc').limit(limit).execute()
}

export async function closeConsultation(
  db: Kysely<Database>,
  id: number,
  patch: { feedback: string; feedbackOn: string; finalDocumentId: number | null },
) {
  await db
    .updateTable('consultations')
    .set({
      status: 'closed',
      feedback: patch.feedback,
      feedback_on: patch.feedbackOn,
      final_document_id: patch.finalDocumentId,
    })
    .where('id', '=', id)
    .execute()
}

export async function insertComment(
  db: Kysely<Database>,
  row: { consultationId: number; authorName: string; body: string; at: string },
): Promise<number> {
  const r = await db
    .insertInto('consultation_comments')
    .values({
      consultation_id: row.consultationId,
      author_name: row.authorName,
      body: row.body,
      status: 'pending',
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function listComments(db: Kysely<Database>, consultationId: number, onlyShown = false) {
  let q = db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId)
  if (onlyShown) q = q.where('status', '=', 'shown')
  return q.orderBy('id').execute()
}

export async function findComment(db: Kysely<Database>, id: number) {
  if (!Number.isSafeInteger(id)) return undefined
  return db.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updateComment(
  db: Kysely<Database>,
  id: number,
  patch: { status: string; adopted: number | null; reason: string | null },
) {
  await db.updateTable('consultation_comments').set(patch).where('id', '=', id).execute()
}

export async function insertSurvey(db: Kysely<Database>, row: Insertable<SurveyTable>): Promise<number> {
  const r = await db.insertInto('surveys').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function findSurvey(db: Kysely<Database>, id: number): Promise<SurveyRow | undefined> {
  if (!Number.isSafeInteger(id)) return undefined
  return db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listSurveys(db: Kysely<Database>, agencyIds: readonly number[] | null, limit = 100) {
  let q = db
    .selectFrom('surveys')
    .innerJoin('agencies', 'agencies.id', 'surveys.agency_id')
    .selectAll('surveys')
    .select('agencies.name as agency')
  if (agencyIds !== null) q = q.where('surveys.agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
  return q.orderBy('surveys.opens_on', 'desc').orderBy('surveys.id', 'desc').limit(limit).execute()
}

export async function insertSurveyCodes(db: Kysely<Database>, surveyId: number, hashes: readonly string[]) {
  for (let i = 0; i < hashes.length; i += 200)
    await db
      .insertInto('survey_codes')
      .values(hashes.slice(i, i + 200).map((h) => ({ survey_id: surveyId, code_hash: h })))
      .execute()
}

export async function findSurveyCode(db: Kysely<Database>, surveyId: number, hash: string) {
  return db
    .selectFrom('survey_codes')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('code_hash', '=', hash)
    .executeTakeFirst()
}

/**
 * Marks a code used, only if it was not: true when this call took it. Two submissions racing with one code
 * cannot both take it (the update's condition is checked by the engine row by row).
 */
export async function takeSurveyCode(db: Kysely<Database>, codeId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_codes')
    .set({ used_at: at })
    .where('id', '=', codeId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function insertSurveyAnswer(
  db: Kysely<Database>,
  row: { surveyId: number; codeId: number; answers: string; at: string },
) {
  await db
    .insertInto('survey_answers')
    .values({ survey_id: row.surveyId, code_id: row.codeId, answers: row.answers, submitted_at: row.at })
    .execute()
}

export async function listSurveyAnswers(db: Kysely<Database>, surveyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('survey_answers')
    .select('answers')
    .where('survey_id', '=', surveyId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.answers)
}

export async function countSurveyCodes(db: Kysely<Database>, surveyId: number) {
  const r = await db
    .selectFrom('survey_codes')
    .select((eb) => [eb.fn.countAll<number>().as('issued'), eb.fn.count<number>('used_at').as('used')])
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow()
  return { issued: Number(r.issued), used: Number(r.used) }
}
