import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// Applicants' personal data sealed at rest (issue 17 point 1, decision 0045): per-record data keys wrapped by a
// master key kept outside the database, and the keyed hash index staff search through. Rows written before this
// migration stay readable as they are until `gongkai keys seal-existing` (or the server's start) seals them: a
// migration cannot reach the master key.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema
    .createTable('data_keys')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('data_keys_master').on('data_keys').column('master_key_id').execute()
  await db.schema.alterTable('applications').addColumn('data_key_id', 'integer').execute()
  // a ledger import's warnings are counted by the report: a flag beside the sealed details, so counting needs no key
  await db.schema
    .alterTable('applications')
    .addColumn('import_warned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db
    .updateTable('applications')
    .set({ import_warned: 1 })
    .where('applicant', 'like', '%"importWarnings"%')
    .execute()
  await db.schema
    .createTable('applicant_index')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('applicant_index_hash').on('applicant_index').columns(['hash', 'field']).execute()
  await db.schema.createIndex('applicant_index_case').on('applicant_index').column('application_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('applicant_index').execute()
  await db.schema.alterTable('applications').dropColumn('import_warned').execute()
  await db.schema.alterTable('applications').dropColumn('data_key_id').execute()
  await db.schema.dropTable('data_keys').execute()
}
