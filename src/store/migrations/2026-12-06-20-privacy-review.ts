import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// De-identification in the review chain (issue 17 point 2, decision 0047): the 保密审查 reviewer's decision on
// each personal-data finding, per version of the text it was found in, and per document its exemption and the
// original text kept when the published body was masked.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema
    .createTable('privacy_decisions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_at', 'integer', (c) => c.notNull())
    .addColumn('end_at', 'integer', (c) => c.notNull())
    .addColumn('found', 'text', (c) => c.notNull())
    .addColumn('masked', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('privacy_decisions_finding')
    .unique()
    .on('privacy_decisions')
    .columns(['document_id', 'source', 'version', 'start_at', 'end_at', 'kind'])
    .execute()
  await db.schema
    .createTable('privacy_reviews')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id'))
    .addColumn('exempt', 'text')
    .addColumn('exempt_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('exempt_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('exempt_at', 'text')
    .addColumn('original_html', 'text')
    .addColumn('original_text', 'text')
    .addColumn('masked_at', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('privacy_reviews').execute()
  await db.schema.dropTable('privacy_decisions').execute()
}
