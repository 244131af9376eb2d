import type { Kysely } from 'kysely'

// Case numbers per agency and year (issue 13 point 6, decision 0020): the last number each agency took in
// each year. A number is taken by raising the row in the registering transaction; a number already held by
// a case of the agency (an imported ledger's) is skipped by the service, never reused.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_ref_counters')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_ref_counters_pk', ['agency_id', 'year'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_ref_counters').execute()
}
