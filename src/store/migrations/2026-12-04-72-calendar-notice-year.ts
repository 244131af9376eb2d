import type { Kysely } from 'kysely'

// Issue 11: a year's notice replaces the whole year, and may list days of the year before (31 December).
// Each override row records the notice year it came from, so entering that year again removes exactly the rows
// its earlier entry wrote, December days included. Rows typed one by one keep notice_year null.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_overrides').addColumn('notice_year', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_overrides').dropColumn('notice_year').execute()
}
