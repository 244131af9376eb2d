import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// 双随机、一公开 (issue 18): the random-inspection item list, the pools, the draws (pools copied into the draw
// when it is announced, so a later change of a pool never changes what was published) and the results.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema
    .createTable('inspection_items')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_items_agency_code', ['agency_id', 'code'])
    .execute()
  await db.schema
    .createTable('inspection_pools')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('inspection_draws')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('inspection_items.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('inspectors', 'text', (c) => c.notNull())
    .addColumn('entities', 'text', (c) => c.notNull())
    .addColumn('announced_on', 'text', (c) => c.notNull())
    .addColumn('announced_at', 'text', (c) => c.notNull())
    .addColumn('drawn_at', 'text')
    .addColumn('result', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inspection_draws_agency').on('inspection_draws').columns(['agency_id', 'year']).execute()
  await db.schema
    .createTable('inspection_results')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('draw_id', 'integer', (c) => c.notNull().references('inspection_draws.id'))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entity_name', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_results_draw_entity', ['draw_id', 'entity_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['inspection_results', 'inspection_draws', 'inspection_pools', 'inspection_items'])
    await db.schema.dropTable(t).execute()
}
