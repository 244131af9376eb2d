import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// issue 17 point 4 (decision 0048): the retention job's record. `retention_runs` holds one row per run (what
// it did, for the staff page); `retention_cases` one row per case whose applicant data the job removed, with
// the day of each step, so a run never takes up a case again and staff see when it went.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_runs')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('today', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('cases_anonymised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('messages_cleared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('batches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text')
    .execute()
  await db.schema
    .createTable('retention_cases')
    .addColumn('application_id', 'integer', (c) => c.primaryKey().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('files_on', 'text')
    .addColumn('messages_on', 'text')
    .addColumn('case_on', 'text')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('retention_runs.id'))
    .execute()
  await db.schema
    .createIndex('retention_cases_agency')
    .on('retention_cases')
    .columns(['agency_id', 'case_on'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retention_cases').execute()
  await db.schema.dropTable('retention_runs').execute()
}
