import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { isPostgres } from './dialect.js'

// The catalog's version (issue 6, portal page cache): a number that changes in the same transaction as every
// change to what a public page may show (documents, attachments, columns, agencies). Triggers keep it, so no
// writer (web, CLI, import, demo) can forget to. A view count (documents.views) alone does not change it.
// Frozen in time: never edit a migration that has shipped; add a new one.

const TABLES = ['documents', 'attachments', 'catalog_columns', 'agencies']

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute()
  await db.insertInto('catalog_version').values({ id: 1, version: 0 }).execute()
  if (isPostgres(db)) {
    await sql`create function bump_catalog_version() returns trigger language plpgsql as $$
      begin update catalog_version set version = version + 1 where id = 1; return null; end $$`.execute(db)
    for (const t of TABLES) {
      const when = t === 'documents' ? sql`when (old.views is not distinct from new.views)` : sql``
      await sql`create trigger ${sql.raw(`${t}_version_iud`)} after insert or delete on ${sql.table(t)}
        for each statement execute function bump_catalog_version()`.execute(db)
      await sql`create trigger ${sql.raw(`${t}_version_u`)} after update on ${sql.table(t)}
        for each row ${when} execute function bump_catalog_version()`.execute(db)
    }
    return
  }
  const bump = sql.raw('update catalog_version set version = version + 1 where id = 1;')
  for (const t of TABLES) {
    for (const event of ['insert', 'delete'])
      await sql`create trigger ${sql.raw(`${t}_version_${event}`)} after ${sql.raw(event)} on ${sql.table(t)}
        begin ${bump} end`.execute(db)
    const when = t === 'documents' ? sql`when old.views is new.views` : sql``
    await sql`create trigger ${sql.raw(`${t}_version_update`)} after update on ${sql.table(t)} ${when}
      begin ${bump} end`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  for (const t of TABLES) {
    const names = pg
      ? [`${t}_version_iud`, `${t}_version_u`]
      : [`${t}_version_insert`, `${t}_version_delete`, `${t}_version_update`]
    for (const n of names) await sql`drop trigger ${sql.raw(n)}${pg ? sql` on ${sql.table(t)}` : sql``}`.execute(db)
  }
  if (pg) await sql`drop function bump_catalog_version()`.execute(db)
  await db.schema.dropTable('catalog_version').execute()
}
