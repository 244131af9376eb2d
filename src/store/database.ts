import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { userInfo } from 'node:os'
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql } from 'kysely'
import type { DatabaseConnection, DatabaseIntrospector, SqliteDialectConfig } from 'kysely'
import type { Database } from './schema.js'
import { MIGRATIONS } from './migrations/index.js'

export type Engine = 'sqlite' | 'postgres'

export interface Store {
  db: Kysely<Database>
  engine: Engine
  close(): Promise<void>
  /** PostgreSQL schema of the search path, when one was given (tests): the migrator must look only there */
  schema?: string
}

const DEFAULT_DB_URL = 'sqlite:./data/gongkai.db'

/**
 * SQLite transactions begin IMMEDIATE: a writer of another process (an import beside the server) is then waited
 * for at BEGIN, where the busy timeout applies. A deferred transaction that has read first and then writes fails
 * at once with "database is locked" when another process wrote meanwhile, whatever the timeout (issue 15
 * finding 6, decision 0030).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: SqliteDialectConfig) {
    super(sqliteConfig)
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.sqliteConfig)
  }
}

class BadDatabaseUrl extends Error {
  readonly code = 'BAD_DATABASE_URL'
  constructor(readonly url: string) {
    super(`GONGKAI_DB 无法识别：${url}（应为 sqlite:路径 或 postgres://…）`)
  }
}

function engineOf(url: string): Engine {
  if (url.startsWith('sqlite:')) return 'sqlite'
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres'
  throw new BadDatabaseUrl(url)
}

/**
 * Opens the database named by a URL: `sqlite:./data/gongkai.db`, `sqlite::memory:` or `postgres://…`.
 * Drivers are imported here, lazily, so commands that need no database never load them.
 * `schema` (PostgreSQL only) sets the search path: tests use a fresh schema per file.
 */
export async function openStore(url: string, options: { schema?: string } = {}): Promise<Store> {
  const engine = engineOf(url)
  if (engine === 'sqlite') {
    const { default: SQLite } = await import('better-sqlite3')
    const path = url.slice('sqlite:'.length)
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    const sqlite = new SQLite(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) })
    return { db, engine, close: () => db.destroy() }
  }
  ensurePgUser()
  const pg = await import('pg')
  const { Pool, types } = pg.default
  // counts and sums come back as int8/numeric: as numbers they compare equal across engines
  types.setTypeParser(20, (v: string) => Number(v))
  types.setTypeParser(1700, (v: string) => Number(v))
  const pool = new Pool({
    connectionString: url,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, engine, close: () => db.destroy(), ...(options.schema ? { schema: options.schema } : {}) }
}

/**
 * Kysely's PostgreSQL introspector reads every table of every schema, column by column
 * (pg_get_serial_sequence): while test files create and drop their own schemas beside it, that read fails now and
 * then ("column … of relation kysely_migration does not exist") though nothing of ours is wrong. The migrator
 * only asks whether its two tables and its schema exist, so, given a schema, it is asked about that schema alone.
 */
function confinedTo(db: Kysely<Database>, schema: string): Kysely<Database> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const { rows } = await sql<{
        name: string
      }>`select nspname as name from pg_namespace where nspname = ${schema}`.execute(db)
      return rows
    },
    async getTables() {
      const { rows } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db)
      return rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] }))
    },
    async getMetadata() {
      return { tables: await this.getTables() }
    },
  }
  // Kysely's classes keep their state in private fields: methods must run bound to the real instance
  return new Proxy(db, {
    get(target, key) {
      if (key === 'introspection') return introspection
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.schema ? confinedTo(store.db, store.schema) : store.db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Kysely looks for its tables in every schema unless told which: concurrent test schemas would clash
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?'
    throw new Error(`数据库迁移失败（${failed}）：${error instanceof Error ? error.message : String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GONGKAI_DB?.trim() || DEFAULT_DB_URL
}

export function nowIso(): string {
  return new Date().toISOString()
}

/**
 * libpq falls back to the OS user when a URL names none; node-postgres reads $USER, which services and CI
 * may not set. Do the same as libpq so `postgres://127.0.0.1:5432/test` works everywhere.
 */
export function ensurePgUser(): void {
  if (!process.env.PGUSER && !process.env.USER) process.env.PGUSER = userInfo().username
}
