import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// Messages to applicants (issue 14 point 3): every e-mail and SMS the platform sends, with its state, so a
// failed one is retried with backoff and staff see it. One message per case event and channel (`dedupe`).
// Applicant challenges: one-time codes for the second factor and the short-lived grants that let an applicant
// download the disclosed files (point 4); only hashes are stored.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('dedupe', 'text', (c) => c.notNull().unique())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('outbox_due').on('outbox_messages').columns(['state', 'next_attempt_at']).execute()
  await db.schema
    .createTable('applicant_challenges')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('applicant_challenges_case').on('applicant_challenges').column('application_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('applicant_challenges').execute()
  await db.schema.dropTable('outbox_messages').execute()
}
