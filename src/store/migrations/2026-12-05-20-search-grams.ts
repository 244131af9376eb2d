import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { idType } from './dialect.js'

// Search that finds what people type (issue 14, decision 0028): the search dictionary administrators extend,
// and the index's format. Format 2 indexes Han unigrams and bigrams and keeps each document's search text
// (search_docs.tokens) instead of jieba tokens; an index written in format 1 is rebuilt by the application
// when it starts (rebuildSearchIndex), since a migration never runs application code. An empty index is in
// any format.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_dictionary')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('term', 'text', (c) => c.notNull().unique())
    .addColumn('synonyms', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .alterTable('search_stats')
    .addColumn('format', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await sql`update search_stats set format = 2 where docs = 0`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_stats').dropColumn('format').execute()
  await db.schema.dropTable('search_dictionary').execute()
}
