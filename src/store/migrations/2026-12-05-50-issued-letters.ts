import type { Kysely } from 'kysely'
import { isPostgres } from './dialect.js'

// Letters as issued (issue 15 point 7, decision 0033): the exact text and the DOCX of each letter, stored once
// when the letter is issued, with their SM3 digests. A later template edit changes only later letters.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('issued_letters')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('letter', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_sm3', 'text', (c) => c.notNull())
    .addColumn('docx', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('docx_sm3', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('issued_letters_pk', ['application_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('issued_letters').execute()
}
