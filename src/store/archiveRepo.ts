import type { Kysely } from 'kysely'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { publicDocuments } from './catalogRepo.js'
import type { Database } from './schema.js'

/** Every item an agency published in a year (public as of `today`), oldest first, with its column's name. */
export async function publishedInYear(db: Kysely<Database>, agencyId: number, year: number, today: CalendarDay) {
  return publicDocuments(db, today)
    .innerJoin('catalog_columns', 'catalog_columns.id', 'documents.column_id')
    .select([
      'documents.id',
      'documents.index_no',
      'documents.title',
      'documents.doc_no',
      'documents.formed_on',
      'documents.published_on',
      'documents.genre',
      'documents.topic',
      'documents.publisher',
      'documents.disclosure',
      'documents.validity',
      'documents.body_html',
      'catalog_columns.name as column_name',
    ])
    .where('documents.agency_id', '=', agencyId)
    .where('documents.published_on', '>=', `${year}-01-01`)
    .where('documents.published_on', '<=', `${year}-12-31`)
    .orderBy('documents.published_on')
    .orderBy('documents.id')
    .execute()
}

export async function attachmentsOf(db: Kysely<Database>, documentIds: number[]) {
  if (documentIds.length === 0) return []
  return db
    .selectFrom('attachments')
    .select(['id', 'document_id', 'file_name', 'mime', 'storage_key'])
    .where('document_id', 'in', documentIds)
    .orderBy('id')
    .execute()
}
