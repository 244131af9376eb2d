import type { ColumnDataType, Kysely } from 'kysely'
import { PostgresAdapter } from 'kysely'

// Migration support (not app code): the one column type that differs between the engines.
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export function idType(db: Kysely<unknown>): ColumnDataType {
  return isPostgres(db) ? 'serial' : 'integer'
}
