import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// Issue 19: a supervisor's grant is one agency whose subtree they read (agencies.parent_id), the quarterly
// 通报 a supervisor edits and publishes, annual reports published elsewhere, and the runs of scheduled jobs
// (one row per job and slot: the instance that inserts it runs the job, decision 0044).
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema.alterTable('users').addColumn('supervised_root_id', 'integer').execute()
  await db.schema
    .createTable('job_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'slot'])
    .execute()
  await db.schema
    .createTable('bulletins')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('root_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closing', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('generated_by', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addUniqueConstraint('bulletins_root_quarter', ['root_agency_id', 'year', 'quarter'])
    .execute()
  await db.schema
    .createTable('report_elsewhere')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
    /** the uploaded report's text, as the auditor reads it ('' for a link) */
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_elsewhere_pk', ['agency_id', 'year'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_elsewhere').execute()
  await db.schema.dropTable('bulletins').execute()
  await db.schema.dropTable('job_runs').execute()
  await db.schema.alterTable('users').dropColumn('supervised_root_id').execute()
}
