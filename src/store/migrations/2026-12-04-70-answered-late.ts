import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Lateness becomes a stored derived fact of a case, written by saveDerived from the clock like `extended`
// (issue 10): the report counts it instead of deciding lateness in SQL by a rule of its own.
// The backfill is the clock's own rule (domain/application/clock.ts: only an answer can be late) in terms of
// the stored copies: due_by is the deadline in force and concluded_on the day of the answer.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('answered_late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`
    update applications set answered_late = 1
    where due_by is not null and concluded_on is not null and concluded_on > due_by
      and exists (select 1 from application_events e where e.application_id = applications.id and e.kind = 'answered')
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('answered_late').execute()
}
