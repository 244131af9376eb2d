import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// The annual report (issue 7): derived facts the report needs on each application, entered figures with
// their history, the narrative staff write, and published snapshots.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  for (const [name, type, dflt] of [
    // Art. 36 answer kind with no row of its own (alreadyPublic | notThisAgency | specialLaw), for the 统计表
    ['answer_kind', 'text', null],
    // 1 when the reply period was extended (统计表: 按时办结 / 延期办结)
    ['extended', 'integer', 0],
    // 信息处理费: day noticed, amount (yuan), day paid
    ['fee_noticed_on', 'text', null],
    ['fee_yuan', 'integer', null],
    ['fee_paid_on', 'text', null],
  ] as const) {
    await db.schema
      .alterTable('applications')
      .addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt)))
      .execute()
  }
  await db.schema.createIndex('applications_agency_topic').on('applications').columns(['agency_id', 'topic']).execute()
  await db.schema
    .createTable('report_figures')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // decimal text ('1072', '0.35'); null = cleared
    .addColumn('value', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('report_figures_agency_year')
    .on('report_figures')
    .columns(['agency_id', 'year', 'key'])
    .execute()
  await db.schema
    .createTable('report_narratives')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_narratives_pk', ['agency_id', 'year', 'section'])
    .execute()
  await db.schema
    .createTable('report_snapshots')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    // JSON of the whole report model as published
    .addColumn('model', 'text', (c) => c.notNull())
    // the printable HTML as published
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_snapshots_version', ['agency_id', 'year', 'version'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['report_snapshots', 'report_narratives', 'report_figures']) await db.schema.dropTable(t).execute()
  await db.schema.dropIndex('applications_agency_topic').execute()
  for (const c of ['fee_paid_on', 'fee_yuan', 'fee_noticed_on', 'extended', 'answer_kind']) {
    await db.schema.alterTable('applications').dropColumn(c).execute()
  }
}
