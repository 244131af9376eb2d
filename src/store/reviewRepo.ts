import type { Kysely } from 'kysely'
import { nowIso } from './database.js'
import type { Database } from './schema.js'

/** A review or lawsuit as the console shows it (年度报告表四's records). */
export interface ReviewLine {
  id: number
  agencyId: number
  applicationId: number | null
  /** the case's number, when registered from a case */
  caseRef: string | null
  /** review | lawsuitDirect | lawsuitAfterReview */
  kind: string
  filedOn: string
  body: string
  /** upheld | corrected | other, null while pending (尚未审结) */
  result: string | null
  decidedOn: string | null
  note: string
}

export interface NewReview {
  agencyId: number
  applicationId: number | null
  kind: string
  filedOn: string
  body: string
  note: string
}

type Row = {
  id: number | string
  agency_id: number | string
  application_id: number | string | null
  ref: string | null
  kind: string
  filed_on: string
  body: string
  result: string | null
  decided_on: string | null
  note: string
}

function toLine(r: Row): ReviewLine {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    applicationId: r.application_id === null ? null : Number(r.application_id),
    caseRef: r.ref,
    kind: r.kind,
    filedOn: r.filed_on,
    body: r.body,
    result: r.result,
    decidedOn: r.decided_on,
    note: r.note,
  }
}

function lines(db: Kysely<Database>) {
  return db
    .selectFrom('reviews')
    .leftJoin('applications', 'applications.id', 'reviews.application_id')
    .select([
      'reviews.id',
      'reviews.agency_id',
      'reviews.application_id',
      'applications.ref',
      'reviews.kind',
      'reviews.filed_on',
      'reviews.body',
      'reviews.result',
      'reviews.decided_on',
      'reviews.note',
    ])
}

export async function insertReviewRow(db: Kysely<Database>, r: NewReview): Promise<number> {
  const row = await db
    .insertInto('reviews')
    .values({
      agency_id: r.agencyId,
      application_id: r.applicationId,
      kind: r.kind,
      filed_on: r.filedOn,
      result: null,
      decided_on: null,
      body: r.body,
      note: r.note,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** The same registration already stored: same case (or agency), kind, filing day and body. */
export async function findSameReview(db: Kysely<Database>, r: NewReview): Promise<number | undefined> {
  let q = db
    .selectFrom('reviews')
    .select('id')
    .where('agency_id', '=', r.agencyId)
    .where('kind', '=', r.kind)
    .where('filed_on', '=', r.filedOn)
    .where('body', '=', r.body)
  q = r.applicationId === null ? q.where('application_id', 'is', null) : q.where('application_id', '=', r.applicationId)
  const row = await q.executeTakeFirst()
  return row ? Number(row.id) : undefined
}

export async function findReview(db: Kysely<Database>, id: number): Promise<ReviewLine | undefined> {
  const row = await lines(db).where('reviews.id', '=', id).executeTakeFirst()
  return row ? toLine(row) : undefined
}

/** A case's reviews and lawsuits, in the order they were filed. */
export async function listCaseReviews(db: Kysely<Database>, applicationId: number): Promise<ReviewLine[]> {
  const rows = await lines(db)
    .where('reviews.application_id', '=', applicationId)
    .orderBy('reviews.filed_on')
    .orderBy('reviews.id')
    .execute()
  return rows.map(toLine)
}

/**
 * An agency's reviews and lawsuits that 表四 of `year` counts: filed by 31 December and not decided before
 * 1 January (the same condition as reportRepo's aggregateReviews).
 */
export async function listYearReviews(db: Kysely<Database>, agencyId: number, year: number): Promise<ReviewLine[]> {
  const y0 = `${year}-01-01`
  const y1 = `${year}-12-31`
  const rows = await lines(db)
    .where('reviews.agency_id', '=', agencyId)
    .where('reviews.filed_on', '<=', y1)
    .where((eb) => eb.or([eb('reviews.decided_on', 'is', null), eb('reviews.decided_on', '>=', y0)]))
    .orderBy('reviews.filed_on')
    .orderBy('reviews.id')
    .execute()
  return rows.map(toLine)
}

export interface ReviewChange {
  body: string
  filedOn: string
  result: string | null
  decidedOn: string | null
}

export async function updateReview(db: Kysely<Database>, id: number, c: ReviewChange): Promise<void> {
  await db
    .updateTable('reviews')
    .set({ body: c.body, filed_on: c.filedOn, result: c.result, decided_on: c.decidedOn })
    .where('id', '=', id)
    .execute()
}
