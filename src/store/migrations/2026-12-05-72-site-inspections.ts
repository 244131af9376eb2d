import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// Site inspection (issue 18): each run, and what failed, by agency (null: a page of the whole site).
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema
    .createTable('site_inspection_runs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('links', 'integer', (c) => c.notNull())
    .addColumn('external', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('run_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('site_inspection_findings')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('site_inspection_runs.id'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('page', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('site_inspection_findings_run')
    .on('site_inspection_findings')
    .columns(['run_id', 'agency_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_inspection_findings').execute()
  await db.schema.dropTable('site_inspection_runs').execute()
}
