import type { Kysely } from 'kysely'
import type { DueWindow } from './caseQueryRepo.js'
import { dueCondition } from './caseQueryRepo.js'
import { nowIso } from './database.js'
import type { CountedFact, ReportSpan } from './reportRepo.js'
import { countedCases } from './reportRepo.js'
import type { Database } from './schema.js'

// Issue 19: what the supervisor's console reads and writes beyond the report's own aggregates.

/** Open cases past their stored deadline (the one due condition of the console lists), by agency. */
export async function countOverdueByAgency(
  db: Kysely<Database>,
  agencyIds: readonly number[],
  window: DueWindow,
): Promise<Map<number, number>> {
  if (agencyIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('applications')
    .select(['applications.agency_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('applications.agency_id', 'in', [...agencyIds])
    .where(dueCondition('overdue', window))
    .groupBy('applications.agency_id')
    .execute()
  return new Map(rows.map((r) => [Number(r.agency_id), Number(r.n)]))
}

/** A case behind a supervisor's figure. */
export interface CountedCaseRow {
  id: number
  ref: string
  receivedOn: string
  state: string
  dueBy: string | null
  concludedOn: string | null
  outcome: string | null
  answeredLate: boolean
}

/** The cases of one agency behind a figure (at most 500, by receipt); `fact` 'overdue' is the open ones now. */
export async function countedCaseRows(
  db: Kysely<Database>,
  agencyId: number,
  span: ReportSpan,
  fact: CountedFact | 'overdue',
  window: DueWindow,
): Promise<CountedCaseRow[]> {
  let q = db
    .selectFrom('applications')
    .select([
      'applications.id',
      'applications.ref',
      'applications.received_on',
      'applications.state',
      'applications.due_by',
      'applications.concluded_on',
      'applications.outcome',
      'applications.answered_late',
    ])
    .where('applications.agency_id', '=', agencyId)
  q = fact === 'overdue' ? q.where(dueCondition('overdue', window)) : q.where(countedCases(span, fact))
  const rows = await q.orderBy('applications.received_on').orderBy('applications.id').limit(500).execute()
  return rows.map((r) => ({
    id: Number(r.id),
    ref: r.ref,
    receivedOn: r.received_on,
    state: r.state,
    dueBy: r.due_by,
    concludedOn: r.concluded_on,
    outcome: r.outcome,
    answeredLate: Number(r.answered_late) === 1,
  }))
}

// ---- 通报 ----

export interface BulletinRow {
  id: number
  rootAgencyId: number
  year: number
  quarter: number
  title: string
  docNo: string
  intro: string
  closing: string
  figures: string
  status: 'draft' | 'published'
  generatedBy: string
  generatedAt: string
  publishedBy: string | null
  publishedAt: string | null
}

type BulletinRecord = {
  id: number
  root_agency_id: number
  year: number
  quarter: number
  title: string
  doc_no: string
  intro: string
  closing: string
  figures: string
  status: string
  generated_by: string
  generated_at: string
  published_by: string | null
  published_at: string | null
}

function toBulletin(r: BulletinRecord): BulletinRow {
  return {
    id: Number(r.id),
    rootAgencyId: Number(r.root_agency_id),
    year: Number(r.year),
    quarter: Number(r.quarter),
    title: r.title,
    docNo: r.doc_no,
    intro: r.intro,
    closing: r.closing,
    figures: r.figures,
    status: r.status === 'published' ? 'published' : 'draft',
    generatedBy: r.generated_by,
    generatedAt: r.generated_at,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  }
}

export async function findBulletin(
  db: Kysely<Database>,
  rootAgencyId: number,
  year: number,
  quarter: number,
): Promise<BulletinRow | undefined> {
  const r = await db
    .selectFrom('bulletins')
    .selectAll()
    .where('root_agency_id', '=', rootAgencyId)
    .where('year', '=', year)
    .where('quarter', '=', quarter)
    .executeTakeFirst()
  return r ? toBulletin(r) : undefined
}

export async function findBulletinById(db: Kysely<Database>, id: number): Promise<BulletinRow | undefined> {
  if (!Number.isSafeInteger(id)) return undefined
  const r = await db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? toBulletin(r) : undefined
}

export async function listBulletins(db: Kysely<Database>, rootAgencyIds: readonly number[]): Promise<BulletinRow[]> {
  if (rootAgencyIds.length === 0) return []
  const rows = await db
    .selectFrom('bulletins')
    .selectAll()
    .where('root_agency_id', 'in', [...rootAgencyIds])
    .orderBy('year', 'desc')
    .orderBy('quarter', 'desc')
    .execute()
  return rows.map(toBulletin)
}

/** Writes a draft's generated figures (a new draft, or a draft regenerated); a published 通报 is never rewritten. */
export async function saveBulletinDraft(
  db: Kysely<Database>,
  b: {
    rootAgencyId: number
    year: number
    quarter: number
    title: string
    intro: string
    closing: string
    docNo: string
    figures: string
    by: string
  },
): Promise<number> {
  const at = nowIso()
  const found = await findBulletin(db, b.rootAgencyId, b.year, b.quarter)
  if (found) {
    await db
      .updateTable('bulletins')
      .set({ figures: b.figures, generated_by: b.by, generated_at: at })
      .where('id', '=', found.id)
      .where('status', '=', 'draft')
      .execute()
    return found.id
  }
  const row = await db
    .insertInto('bulletins')
    .values({
      root_agency_id: b.rootAgencyId,
      year: b.year,
      quarter: b.quarter,
      title: b.title,
      doc_no: b.docNo,
      intro: b.intro,
      closing: b.closing,
      figures: b.figures,
      generated_by: b.by,
      generated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function updateBulletinText(
  db: Kysely<Database>,
  id: number,
  t: { title: string; docNo: string; intro: string; closing: string },
): Promise<void> {
  await db
    .updateTable('bulletins')
    .set({ title: t.title, doc_no: t.docNo, intro: t.intro, closing: t.closing })
    .where('id', '=', id)
    .execute()
}

export async function markBulletinPublished(db: Kysely<Database>, id: number, by: string): Promise<void> {
  await db
    .updateTable('bulletins')
    .set({ status: 'published', published_by: by, published_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

// ---- annual reports published elsewhere ----

export interface ElsewhereReport {
  agencyId: number
  year: number
  url: string
  fileName: string
  text: string
  recordedAt: string
}

export async function listElsewhereReports(db: Kysely<Database>, year: number): Promise<Map<number, ElsewhereReport>> {
  const rows = await db.selectFrom('report_elsewhere').selectAll().where('year', '=', year).execute()
  return new Map(
    rows.map((r) => [
      Number(r.agency_id),
      {
        agencyId: Number(r.agency_id),
        year: Number(r.year),
        url: r.url,
        fileName: r.file_name,
        text: r.text,
        recordedAt: r.recorded_at,
      },
    ]),
  )
}

/** Records (or replaces) where an agency's report of `year` was published outside the platform. */
export async function saveElsewhereReport(
  db: Kysely<Database>,
  r: { agencyId: number; year: number; url: string; fileName: string; text: string; by: string },
): Promise<void> {
  await db.deleteFrom('report_elsewhere').where('agency_id', '=', r.agencyId).where('year', '=', r.year).execute()
  await db
    .insertInto('report_elsewhere')
    .values({
      agency_id: r.agencyId,
      year: r.year,
      url: r.url,
      file_name: r.fileName,
      text: r.text,
      recorded_by: r.by,
      recorded_at: nowIso(),
    })
    .execute()
}
