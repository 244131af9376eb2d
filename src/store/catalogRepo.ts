import type { DocumentEventKind } from '../domain/auditTrail/actions.js'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import type { Actor } from '../domain/catalog/workflow.js'
import type { Database } from './schema.js'
import { nowIso } from './database.js'
import { appendAudit } from './auditRepo.js'

/**
 * THE public-visibility rule in SQL (domain/catalog/visibility.ts `isPublic`): published after review,
 * 主动公开, publication day reached. Every public page, the search results, feeds, sitemap, API and
 * attachment downloads select documents through this query and nothing else.
 */
export function publicDocuments(db: Kysely<Database>, today: CalendarDay) {
  return db
    .selectFrom('documents')
    .where('documents.status', '=', 'published')
    .where('documents.disclosure', '=', 'active')
    .where('documents.published_on', '<=', today)
}

export async function findDocument(db: Kysely<Database>, id: number) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Which staff documents a queue section holds: an agency's (every agency's when null), of one status if given. */
export interface StaffDocumentFilter {
  agencyId: number | null
  status?: string
}

/** One page of the newest-changed documents matching `f`, for the staff queue. */
export async function listStaffDocuments(
  db: Kysely<Database>,
  f: StaffDocumentFilter,
  page: { limit: number; offset: number },
) {
  let q = db
    .selectFrom('documents')
    .select(['id', 'title', 'status', 'step', 'doc_no', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
  if (f.agencyId !== null) q = q.where('agency_id', '=', f.agencyId)
  if (f.status !== undefined) q = q.where('status', '=', f.status)
  return q.execute()
}

/** How many documents match `f` (the staff queue's section counts). */
export async function countStaffDocuments(db: Kysely<Database>, f: StaffDocumentFilter) {
  let q = db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n'))
  if (f.agencyId !== null) q = q.where('agency_id', '=', f.agencyId)
  if (f.status !== undefined) q = q.where('status', '=', f.status)
  return Number((await q.executeTakeFirst())?.n ?? 0)
}

export async function listColumns(db: Kysely<Database>, agencyId: number) {
  return db
    .selectFrom('catalog_columns')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('sort')
    .orderBy('id')
    .execute()
}

export async function findColumn(db: Kysely<Database>, agencyId: number, slug: string) {
  return db
    .selectFrom('catalog_columns')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** A column and all its descendants' ids. */
export async function columnWithDescendants(db: Kysely<Database>, columnId: number): Promise<number[]> {
  const all = await db.selectFrom('catalog_columns').select(['id', 'parent_id']).execute()
  const ids = [columnId]
  for (let i = 0; i < ids.length; i++) for (const c of all) if (c.parent_id === ids[i]) ids.push(Number(c.id))
  return ids
}

/** A column and all its ancestors' ids (the column first). */
export async function columnWithAncestors(db: Kysely<Database>, columnId: number): Promise<number[]> {
  const ids: number[] = []
  let current: number | null = columnId
  while (current !== null && !ids.includes(current)) {
    ids.push(current)
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('catalog_columns')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst()
    current = row?.parent_id ?? null
  }
  return ids
}

/**
 * The next 索引号 serial of an agency's year: a counter row only ever incremented, so a serial is never given
 * twice even when its document is withdrawn. Call inside the publishing transaction.
 */
export async function nextIndexSerial(
  db: Kysely<Database>,
  agencyId: number,
  year: number,
  atLeast = 0,
): Promise<number> {
  await db
    .insertInto('index_counters')
    .values({ agency_id: agencyId, year, last_serial: atLeast + 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({
        last_serial: sql`case when index_counters.last_serial + 1 > ${atLeast + 1} then index_counters.last_serial + 1 else ${atLeast + 1} end`,
      }),
    )
    .execute()
  const row = await db
    .selectFrom('index_counters')
    .select('last_serial')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow()
  return Number(row.last_serial)
}

/** Records that a serial is taken (imports bring their own 索引号): the counter never goes below it. */
export async function reserveIndexSerial(
  db: Kysely<Database>,
  agencyId: number,
  year: number,
  serial: number,
): Promise<void> {
  await db
    .insertInto('index_counters')
    .values({ agency_id: agencyId, year, last_serial: serial })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({
        last_serial: sql`case when index_counters.last_serial > ${serial} then index_counters.last_serial else ${serial} end`,
      }),
    )
    .execute()
}

export interface DocumentEventInput {
  kind: DocumentEventKind
  step?: string | null
  comment?: string
  onDay: CalendarDay
  data?: Record<string, unknown>
}

/** Appends one attributed, dated event to a document's history (never updated or deleted). */
export async function appendDocumentEvent(
  db: Kysely<Database>,
  documentId: number,
  actor: Actor,
  e: DocumentEventInput,
): Promise<void> {
  const last = await db
    .selectFrom('document_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('document_id', '=', documentId)
    .executeTakeFirst()
  await db
    .insertInto('document_events')
    .values({
      document_id: documentId,
      seq: Number(last?.seq ?? 0) + 1,
      kind: e.kind,
      step: e.step ?? null,
      comment: e.comment ?? '',
      actor_name: actor.name,
      actor_role: actor.role,
      actor_user_id: actor.userId ?? null,
      on_day: e.onDay,
      at: nowIso(),
      data: JSON.stringify(e.data ?? {}),
    })
    .execute()
  // every change to a document is in the audit chain too, committed with it (issue 4, audit trail)
  await appendAudit(db, {
    actor: actor.name,
    ip: actor.ip ?? '',
    action: `document.${e.kind}`,
    targetType: 'document',
    targetId: documentId,
    detail: { role: actor.role, userId: actor.userId ?? null, step: e.step ?? null, comment: e.comment ?? '' },
  })
}

export async function documentEvents(db: Kysely<Database>, documentId: number) {
  return db.selectFrom('document_events').selectAll().where('document_id', '=', documentId).orderBy('seq').execute()
}

/** A document's attachments, in the order they were added. */
export async function documentAttachments(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'mime', 'size', 'storage_key'])
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute()
}

/** Documents of some agencies (every agency when null) in review at one of `steps`: a reviewer's queue. */
export async function documentsAtSteps(
  db: Kysely<Database>,
  agencyId: number | null,
  steps: string[],
  limit: number,
  offset = 0,
) {
  if (steps.length === 0) return []
  let q = db
    .selectFrom('documents')
    .select(['id', 'title', 'status', 'step', 'doc_no', 'updated_at'])
    .where('status', '=', 'inReview')
    .where('step', 'in', steps)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
  if (agencyId !== null) q = q.where('agency_id', '=', agencyId)
  return q.execute()
}

/** How many documents wait at `steps` (the dashboard's 待我审核 count). */
export async function countDocumentsAtSteps(db: Kysely<Database>, agencyId: number | null, steps: string[]) {
  if (steps.length === 0) return 0
  let q = db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'inReview')
    .where('step', 'in', steps)
  if (agencyId !== null) q = q.where('agency_id', '=', agencyId)
  return Number((await q.executeTakeFirst())?.n ?? 0)
}

/** The last time the item was sent back: the comment the drafter has to answer. */
export async function lastReturn(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom('document_events')
    .select(['comment', 'actor_name', 'step', 'on_day', 'at'])
    .where('document_id', '=', documentId)
    .where('kind', '=', 'returned')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The 政策解读 written for a policy (withdrawn ones too: the staff page shows them all). */
export async function interpretationsOf(db: Kysely<Database>, policyId: number) {
  return db
    .selectFrom('documents')
    .select(['id', 'title', 'status'])
    .where('interprets_id', '=', policyId)
    .orderBy('id')
    .execute()
}
