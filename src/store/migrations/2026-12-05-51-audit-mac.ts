import type { Kysely } from 'kysely'

// Each audit record keyed with an HMAC whose key lives outside the database (issue 15 point 8, decision 0034).
// Records written before this have none until the first anchor seals them.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('mac').execute()
}
