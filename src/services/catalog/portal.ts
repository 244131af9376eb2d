import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { DISCLOSURES, VALIDITIES, labelOf } from '../../domain/catalog/metadata.js'
import { findAgencyByCode, findAgencyById, listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { columnWithDescendants, listColumns, publicDocuments } from '../../store/catalogRepo.js'

// What the public portal reads. Every document comes from `publicDocuments` (the one visibility rule).

/** The agencies the portal lists, by id. */
export async function portalAgencies(store: Store): Promise<{ id: number; name: string; code: string }[]> {
  return (await listAgencies(store.db)).map((a) => ({ id: a.id, name: a.name, code: a.code }))
}

export async function agencyByCode(
  store: Store,
  code: string,
): Promise<{ id: number; name: string; code: string } | null> {
  const a = await findAgencyByCode(store.db, code)
  return a ? { id: a.id, name: a.name, code: a.code } : null
}

/** The newest public items of a column and its sub-columns. */
export async function latestInColumn(store: Store, columnIds: number[], today: CalendarDay, limit: number, offset = 0) {
  return publicDocuments(store.db, today)
    .select(['id', 'title', 'published_on', 'validity', 'index_no', 'body_text', 'updated_at', 'publisher'])
    .where('column_id', 'in', columnIds)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function countInColumn(store: Store, columnIds: number[], today: CalendarDay): Promise<number> {
  const row = await publicDocuments(store.db, today)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('column_id', 'in', columnIds)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Home: per agency, the top-level columns with their newest items. */
export async function homeData(store: Store, today: CalendarDay, perColumn = 6) {
  const agencies = await portalAgencies(store)
  return Promise.all(
    agencies.map(async (a) => {
      const columns = await listColumns(store.db, a.id)
      const top = columns.filter((c) => c.parent_id === null)
      return {
        name: a.name,
        code: a.code,
        columns: await Promise.all(
          top.map(async (c) => ({
            slug: c.slug,
            name: c.name,
            latest: (await latestInColumn(store, descendants(columns, c.id), today, perColumn)).map((d) => ({
              id: Number(d.id),
              title: d.title,
              publishedOn: d.published_on ?? '',
              validity: d.validity,
            })),
          })),
        ),
      }
    }),
  )
}

/** Ids of a column and its descendants, from an already loaded column list. */
export function descendants(columns: { id: number; parent_id: number | null }[], id: number): number[] {
  const ids = [id]
  for (let i = 0; i < ids.length; i++) for (const c of columns) if (c.parent_id === ids[i]) ids.push(Number(c.id))
  return ids
}

/** One public document with everything its page shows; null when it is not public. */
export async function documentView(store: Store, id: number, today: CalendarDay) {
  const d = await publicDocuments(store.db, today).selectAll('documents').where('id', '=', id).executeTakeFirst()
  if (!d) return null
  const [agency, column, attachments, interpretations, policy] = await Promise.all([
    findAgencyById(store.db, Number(d.agency_id)),
    store.db
      .selectFrom('catalog_columns')
      .select(['slug', 'name'])
      .where('id', '=', d.column_id)
      .executeTakeFirstOrThrow(),
    store.db
      .selectFrom('attachments')
      .select(['id', 'file_name', 'size'])
      .where('document_id', '=', id)
      .orderBy('id')
      .execute(),
    publicDocuments(store.db, today)
      .select(['id', 'title', 'published_on'])
      .where('interprets_id', '=', id)
      .orderBy('id')
      .execute(),
    d.interprets_id
      ? publicDocuments(store.db, today)
          .select(['id', 'title', 'published_on'])
          .where('id', '=', d.interprets_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ])
  // documents.agency_id references agencies: a document without its agency is a broken database
  if (!agency) throw new Error(`document ${id} has no agency ${d.agency_id}`)
  return {
    id: Number(d.id),
    indexNo: d.index_no ?? '',
    title: d.title,
    bodyHtml: d.body_html,
    docNo: d.doc_no,
    formedOn: d.formed_on,
    publishedOn: d.published_on ?? '',
    disclosure: labelOf(DISCLOSURES, d.disclosure),
    genre: d.genre,
    topic: d.topic,
    validity: labelOf(VALIDITIES, d.validity),
    validityOn: d.validity_on,
    publisher: d.publisher,
    source: d.source,
    views: Number(d.views),
    agency: { name: agency.name, code: agency.code },
    column,
    attachments: attachments.map((a) => ({ id: Number(a.id), name: a.file_name, size: Number(a.size) })),
    interpretations: interpretations.map((i) => ({
      id: Number(i.id),
      title: i.title,
      publishedOn: i.published_on ?? '',
    })),
    policy: policy ? { id: Number(policy.id), title: policy.title, publishedOn: policy.published_on ?? '' } : null,
  }
}

/** An attachment of a public document; null when the document is not public (the URL then answers 404). */
export async function publicAttachment(store: Store, documentId: number, attachmentId: number, today: CalendarDay) {
  return publicDocuments(store.db, today)
    .innerJoin('attachments', 'attachments.document_id', 'documents.id')
    .select(['attachments.file_name', 'attachments.mime', 'attachments.storage_key', 'attachments.size'])
    .where('documents.id', '=', documentId)
    .where('attachments.id', '=', attachmentId)
    .executeTakeFirst()
}

/** Every public document's id and dates, newest first (sitemap). */
export async function sitemapEntries(store: Store, today: CalendarDay): Promise<{ id: number; publishedOn: string }[]> {
  const rows = await publicDocuments(store.db, today)
    .select(['id', 'published_on', 'updated_at'])
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({ id: Number(r.id), publishedOn: r.published_on ?? '' }))
}

/** The public documents of a column for the JSON API and the feeds. */
export async function columnFor(store: Store, agencyCode: string, slug: string) {
  const agency = await agencyByCode(store, agencyCode)
  if (!agency) return null
  const columns = await listColumns(store.db, agency.id)
  const column = columns.find((c) => c.slug === slug)
  if (!column) return null
  return { agency, column, columns, ids: await columnWithDescendants(store.db, column.id) }
}

/** The newest public documents of the whole platform (API without a query). */
export async function latestPublic(store: Store, today: CalendarDay, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    publicDocuments(store.db, today)
      .select(['id', 'index_no', 'title', 'published_on', 'doc_no', 'publisher', 'validity'])
      .orderBy('published_on', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    publicDocuments(store.db, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ])
  return { rows, total: Number(count?.n ?? 0) }
}
