import type { Kysely } from 'kysely'

// A second factor for staff (issue 15, decision 0031): a TOTP secret per account, confirmed once enrolled; the
// last time step used (a code is accepted once); sessions that still wait for the second factor; one-time
// recovery codes, stored as hashes.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute()
  await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute()
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute()
  await db.schema.alterTable('sessions').addColumn('pending_factor', 'text').execute()
  await db.schema
    .createTable('recovery_codes')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recovery_codes').execute()
  await db.schema.alterTable('sessions').dropColumn('pending_factor').execute()
  for (const c of ['totp_last_step', 'totp_enabled_at', 'totp_secret'])
    await db.schema.alterTable('users').dropColumn(c).execute()
}
