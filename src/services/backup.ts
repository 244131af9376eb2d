import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { copyFile, cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { z } from 'zod'
import {
  attachmentKeys,
  backupCounts,
  checkPostgresTool,
  dumpPostgres,
  holdsData,
  restorePostgres,
  snapshotSqlite,
} from '../store/backupRepo.js'
import type { Engine, Store } from '../store/database.js'
import { migrate, openStore } from '../store/database.js'
import { attachmentsDir } from '../store/dataDir.js'
import { auditAnchorsFile } from './auditLog.js'

// `gongkai backup` and `gongkai restore` (issue 15 point 10, decision 0035). A backup is a directory: the database
// copy, the attachments, the audit anchors, and manifest.json with the SM3 digest of every file. The audit key is
// never in it: keep it apart (docs/operations.md), or the copy could be used to rewrite the chain.

const FORMAT = 'gongkai-backup/1'

export interface BackupManifest {
  format: typeof FORMAT
  createdAt: string
  engine: Engine
  /** the database copy, relative to the backup directory */
  database: string
  postgresVersion?: string
  /** rows in the copy (SQLite; pg_dump's file is not opened to count) */
  counts: Record<string, number> | null
  files: { path: string; size: number; sm3: string }[]
}

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  createdAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  database: z.enum(['database.sqlite', 'database.pgdump']),
  postgresVersion: z.string().optional(),
  counts: z.record(z.string(), z.number()).nullable(),
  files: z.array(z.object({ path: z.string(), size: z.number(), sm3: z.string() })),
})

export class BackupRefused extends Error {
  readonly code = 'BACKUP_REFUSED'
}

async function sm3File(path: string): Promise<string> {
  const h = createHash('sm3')
  for await (const chunk of createReadStream(path)) if (Buffer.isBuffer(chunk)) h.update(chunk)
  return h.digest('hex')
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) await walk(p)
      else if (e.isFile()) out.push(p)
    }
  }
  if (existsSync(root)) await walk(root)
  return out.sort()
}

function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length)
  if (!path || path === ':memory:') throw new BackupRefused('内存数据库无法备份或恢复')
  return path
}

/**
 * Makes a backup in `outDir` (new or empty) while the server keeps serving. Order matters: the anchors are
 * copied before the database (an anchor never names a record the copy lacks), and the attachment files after
 * it (a file is written before its row, so every row of the copy finds its file).
 */
export async function makeBackup({
  store,
  url,
  outDir,
}: {
  store: Store
  url: string
  outDir: string
}): Promise<BackupManifest> {
  if (existsSync(outDir) && (await readdir(outDir)).length > 0) throw new BackupRefused(`备份目录 ${outDir} 不是空目录`)
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  const anchors = auditAnchorsFile()
  if (existsSync(anchors)) await copyFile(anchors, join(outDir, 'audit-anchors.log'))
  const manifest: BackupManifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    engine: store.engine,
    database: store.engine === 'sqlite' ? 'database.sqlite' : 'database.pgdump',
    counts: null,
    files: [],
  }
  if (store.engine === 'sqlite') await snapshotSqlite(store, join(outDir, manifest.database))
  else {
    manifest.postgresVersion = await checkPostgresTool(store, 'pg_dump')
    await dumpPostgres(url, join(outDir, manifest.database))
  }
  const keys = await attachmentKeys(store)
  const source = attachmentsDir()
  if (existsSync(source)) await cp(source, join(outDir, 'attachments'), { recursive: true })
  const missing = keys.filter((k) => !existsSync(join(outDir, 'attachments', k)))
  if (missing.length) throw new BackupRefused(`${missing.length} 个附件文件在 ${source} 中找不到（如 ${missing[0]}）`)
  if (store.engine === 'sqlite') {
    const copy = await openStore(`sqlite:${join(outDir, manifest.database)}`)
    try {
      manifest.counts = await backupCounts(copy)
    } finally {
      await copy.close()
    }
  }
  for (const path of await listFiles(outDir))
    manifest.files.push({ path: relative(outDir, path), size: (await stat(path)).size, sm3: await sm3File(path) })
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })
  return manifest
}

/** Checks every file of a backup against its manifest; returns the manifest. */
export async function checkBackup(dir: string): Promise<BackupManifest> {
  const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')))
  if (!parsed.success) throw new BackupRefused(`${dir} 中的 manifest.json 不是 gongkai 备份清单（${FORMAT}）`)
  const manifest = parsed.data
  for (const f of manifest.files) {
    const path = join(dir, f.path)
    if (!existsSync(path)) throw new BackupRefused(`备份缺少文件 ${f.path}`)
    if ((await sm3File(path)) !== f.sm3)
      throw new BackupRefused(`备份文件 ${f.path} 的 SM3 校验值不符：文件已损坏或被改动`)
  }
  return manifest
}

/**
 * Restores a checked backup into the database named by `url` (a SQLite file that does not exist yet, or an
 * empty PostgreSQL database) and the configured data directory, then migrates it. Refuses rather than overwrite.
 */
export async function restoreBackup({ from, url }: { from: string; url: string }): Promise<BackupManifest> {
  const manifest = await checkBackup(from)
  const engine: Engine = url.startsWith('sqlite:') ? 'sqlite' : 'postgres'
  if (engine !== manifest.engine)
    throw new BackupRefused(`备份来自 ${manifest.engine}，不能恢复到 ${engine}（GONGKAI_DB）`)
  if (engine === 'sqlite') {
    const path = sqlitePath(url)
    if (existsSync(path)) throw new BackupRefused(`数据库文件 ${path} 已存在：恢复只写入新位置，请先移走它`)
    await mkdir(dirname(path), { recursive: true })
    await copyFile(join(from, manifest.database), path)
  } else {
    const target = await openStore(url)
    try {
      if (await holdsData(target)) throw new BackupRefused('目标数据库不是空库：恢复只写入空数据库')
      await checkPostgresTool(target, 'pg_restore')
    } finally {
      await target.close()
    }
    await restorePostgres(url, join(from, manifest.database))
  }
  if (existsSync(join(from, 'attachments')))
    await cp(join(from, 'attachments'), attachmentsDir(), { recursive: true, force: false })
  const anchors = auditAnchorsFile()
  if (existsSync(join(from, 'audit-anchors.log')) && !existsSync(anchors)) {
    await mkdir(dirname(anchors), { recursive: true, mode: 0o700 })
    await copyFile(join(from, 'audit-anchors.log'), anchors)
  }
  const store = await openStore(url)
  try {
    await migrate(store)
    if (manifest.counts) {
      const now = await backupCounts(store)
      const short = Object.entries(manifest.counts).filter(([k, n]) => (now[k] ?? 0) < n)
      if (short.length) throw new BackupRefused(`恢复后记录数少于备份：${short.map(([k]) => k).join('、')}`)
    }
  } finally {
    await store.close()
  }
  return manifest
}
