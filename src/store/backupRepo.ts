import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import type { Store } from './database.js'

// A consistent copy of the database while the server keeps writing (issue 15 point 10, decision 0035). SQLite:
// VACUUM INTO, one read transaction, so the copy holds exactly what was committed when it began, WAL included
// (a plain file copy leaves the WAL behind). PostgreSQL: pg_dump, whose snapshot is taken at its start.

const run = promisify(execFile)

export class BackupToolMissing extends Error {
  readonly code = 'BACKUP_TOOL_MISSING'
  constructor(tool: string, detail: string) {
    super(`无法使用 ${tool}：${detail}`)
  }
}

/** Writes a consistent SQLite copy to `dest` (which must not exist). */
export async function snapshotSqlite(store: Store, dest: string): Promise<void> {
  await sql`vacuum into ${dest}`.execute(store.db)
}

/** The server's major version (e.g. 15) and its full version text. */
export async function postgresServerVersion(store: Store): Promise<{ major: number; text: string }> {
  const r = await sql<{
    v: string
    t: string
  }>`select current_setting('server_version_num') as v, current_setting('server_version') as t`.execute(store.db)
  const row = r.rows[0]
  return { major: Math.floor(Number(row?.v ?? 0) / 10000), text: row?.t ?? '' }
}

/** The major version of a PostgreSQL client tool on the PATH (pg_dump, pg_restore). */
async function toolMajor(tool: string): Promise<number> {
  try {
    const { stdout } = await run(tool, ['--version'])
    const m = /(\d+)(?:\.\d+)?/.exec(stdout)
    return m ? Number(m[1]) : 0
  } catch (err) {
    throw new BackupToolMissing(tool, err instanceof Error ? err.message : String(err))
  }
}

/**
 * Checks that `tool` is installed and of the server's major version: an older pg_dump refuses a newer server, and
 * a dump from a newer one may not restore.
 */
export async function checkPostgresTool(store: Store, tool: 'pg_dump' | 'pg_restore'): Promise<string> {
  const [server, client] = [await postgresServerVersion(store), await toolMajor(tool)]
  if (client !== server.major)
    throw new BackupToolMissing(
      tool,
      `版本 ${client} 与数据库服务器 ${server.text} 不一致，请安装 PostgreSQL ${server.major} 的客户端工具`,
    )
  return server.text
}

/** pg_dump's custom format of the database named by `url`, to `dest`. */
export async function dumpPostgres(url: string, dest: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${dest}`, url], {
    maxBuffer: 16 * 1024 * 1024,
  })
}

/** Restores a pg_dump file into the (empty) database named by `url`, all or nothing. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await run(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file],
    { maxBuffer: 16 * 1024 * 1024 },
  )
}

/** Whether the database already holds gongkai's tables (a restore goes only into an empty one). */
export async function holdsData(store: Store): Promise<boolean> {
  // asked of the current schema alone: Kysely's introspector would read every schema on the server
  const { rows } =
    store.engine === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_name in ('applications', 'audit_log')`.execute(store.db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name in ('applications', 'audit_log')`.execute(store.db)
  return rows.length > 0
}

/** What a backup holds, counted in the copy itself: what a restore must give back. */
export async function backupCounts(store: Store): Promise<Record<string, number>> {
  const count = async (table: 'applications' | 'application_files' | 'attachments' | 'audit_log' | 'issued_letters') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    applications: await count('applications'),
    application_files: await count('application_files'),
    attachments: await count('attachments'),
    audit_log: await count('audit_log'),
    issued_letters: await count('issued_letters'),
  }
}

/** The storage keys of the document attachments the database names (each must be in the backup's files). */
export async function attachmentKeys(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('attachments').select('storage_key').distinct().execute()
  return rows.map((r) => r.storage_key)
}
