import type { Kysely } from 'kysely'
import { idType } from './dialect.js'

// 政务服务事项 and their 办事指南 (issue 18): one row per item, one row per version of its guide.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const id = idType(db)
  await db.schema
    .createTable('service_items')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_items_agency_code', ['agency_id', 'code'])
    .execute()
  await db.schema.createIndex('service_items_kind').on('service_items').columns(['agency_id', 'kind']).execute()
  await db.schema
    .createTable('service_item_versions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('service_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('guide', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_item_versions_item_version', ['item_id', 'version'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_item_versions').execute()
  await db.schema.dropTable('service_items').execute()
}
