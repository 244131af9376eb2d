import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// 政民互动 (issue 16): letters to the agency and their per-kind deadlines, consultations on drafts and their
// comments, surveys with their one-time codes and answers, responses to public concern, other channels' counts
// by month, and the agency's 政务新媒体 accounts with their entered post counts.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema
    .createTable('letters')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('writer_name', 'text', (c) => c.notNull())
    .addColumn('writer_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('writer_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('about_disclosure', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wants_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('query_code', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_late', 'integer')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_subject', 'text')
    .addColumn('public_body', 'text')
    .addColumn('public_answer', 'text')
    .addColumn('rating', 'text')
    .addColumn('rated_on', 'text')
    .addColumn('supervised_on', 'text')
    .addColumn('supervise_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('letters_agency_received').on('letters').columns(['agency_id', 'received_on']).execute()
  await db.schema
    .createIndex('letters_agency_status')
    .on('letters')
    .columns(['agency_id', 'status', 'due_on'])
    .execute()
  await db.schema
    .createTable('letter_deadlines')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_deadlines_pk', ['agency_id', 'kind'])
    .execute()

  await db.schema
    .createTable('consultations')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('draft_text', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('feedback_on', 'text')
    .addColumn('final_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('consultation_comments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('adopted', 'integer')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('consultation_comments_of')
    .on('consultation_comments')
    .columns(['consultation_id', 'status'])
    .execute()

  await db.schema
    .createTable('surveys')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('survey_codes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addUniqueConstraint('survey_codes_unique', ['survey_id', 'code_hash'])
    .execute()
  await db.schema
    .createTable('survey_answers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('code_id', 'integer', (c) => c.notNull().unique().references('survey_codes.id'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('concern_responses')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('concern', 'text', (c) => c.notNull())
    .addColumn('speakers', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('concern_responses_agency')
    .on('concern_responses')
    .columns(['agency_id', 'held_on'])
    .execute()

  await db.schema
    .createTable('channel_counts')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('concluded', 'integer')
    .addColumn('resolved', 'integer')
    .addColumn('on_time', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_counts_pk', ['agency_id', 'channel', 'period'])
    .execute()
  await db.schema
    .createTable('social_accounts')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('social_accounts_unique', ['agency_id', 'platform', 'name'])
    .execute()
  await db.schema
    .createTable('account_posts')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('social_accounts.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_posts_pk', ['account_id', 'period'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'account_posts',
    'social_accounts',
    'channel_counts',
    'concern_responses',
    'survey_answers',
    'survey_codes',
    'surveys',
    'consultation_comments',
    'consultations',
    'letter_deadlines',
    'letters',
  ])
    await db.schema.dropTable(t).execute()
}
