import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { idType, isPostgres } from './dialect.js'

// The proactive-disclosure catalog (issue 6): columns, documents, their review events, channels, attachments,
// 索引号 counters, and the search index (FTS5 on SQLite, tsvector 'simple' + GIN on PostgreSQL).
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  const pg = isPostgres(db)
  await db.schema
    .createTable('catalog_columns')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('catalog_columns.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('art20', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('catalog_columns_agency_slug', ['agency_id', 'slug'])
    .execute()
  await db.schema
    .createTable('documents')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('column_id', 'integer', (c) => c.notNull().references('catalog_columns.id'))
    .addColumn('index_no', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_no', 'text')
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('genre', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disclosure', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('valid'))
    .addColumn('validity_on', 'text')
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('art20', 'text')
    .addColumn('major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interprets_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('requires_interpretation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('documents_public').on('documents').columns(['status', 'published_on']).execute()
  await db.schema.createIndex('documents_column').on('documents').columns(['column_id', 'published_on']).execute()
  await db.schema.createIndex('documents_agency').on('documents').columns(['agency_id', 'published_on']).execute()
  await db.schema.createIndex('documents_interprets').on('documents').column('interprets_id').execute()
  await db.schema
    .createTable('document_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('document_events_seq', ['document_id', 'seq'])
    .execute()
  await db.schema
    .createTable('document_channels')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_channels_pk', ['document_id', 'channel'])
    .execute()
  await db.schema
    .createTable('index_counters')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_counters_pk', ['agency_id', 'year'])
    .execute()
  await db.schema
    .createTable('attachments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachments_document').on('attachments').column('document_id').execute()
  // search: one row per indexed (published) document; sort_key = day number × 2^32 + document id, so the
  // newest-first order is the key order on both engines
  await db.schema
    .createTable('search_docs')
    .addColumn('sort_key', 'bigint', (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().unique())
    .addColumn('tokens', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('search_stats')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .addColumn('total_length', 'bigint', (c) => c.notNull())
    .execute()
  await db.insertInto('search_stats').values({ id: 1, docs: 0, total_length: 0 }).execute()
  if (pg) {
    await sql`alter table search_docs add column tsv tsvector not null`.execute(db)
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db)
  } else {
    await sql`create virtual table search_fts using fts5(tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    )
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table search_fts`.execute(db)
  for (const t of [
    'search_stats',
    'search_terms',
    'search_docs',
    'attachments',
    'index_counters',
    'document_channels',
    'document_events',
    'documents',
    'catalog_columns',
  ]) {
    await db.schema.dropTable(t).execute()
  }
}
