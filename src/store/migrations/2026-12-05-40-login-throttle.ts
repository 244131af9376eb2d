import type { Kysely } from 'kysely'

// Failed logins counted per attempted name and per address (issue 15 point 5, decision 0031): a growing delay
// replaces the account lockout a stranger could trigger. Names that match no account get a row too, so an
// unknown name and a real one behave alike. Rows are forgotten a day after their last failure.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('login_throttle_last').on('login_throttle').column('last_failure_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute()
}
