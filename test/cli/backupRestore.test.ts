import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { addAttachment } from '../../src/services/catalog/attachments.js'
import { localDiskStorage } from '../../src/services/catalog/attachmentStorage.js'
import type { Engine } from '../../src/store/database.js'
import { migrate, openStore } from '../../src/store/database.js'
import { findApplicationFile } from '../../src/store/applicationFileRepo.js'
import { drafter, makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'
import { ENGINES } from '../support/engines.js'
import { describe } from 'vitest'

// Issue 15 point 10: `gongkai backup` while a writer submits online applications with attachments, then
// `gongkai restore` into a fresh directory (and database) and a server started there. "Acknowledged" means the
// writer received the server's success answer (303 to the receipt page, which the server sends only after the
// application and its files committed) before the backup command was started: each such application must be in
// the restore, with its files; later ones may or may not be (docs/operations.md).

const run = promisify(execFile)
const BIN = new URL('../../bin/gongkai.js', import.meta.url).pathname
const PG = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
const KEY = 'c0ffee'.repeat(11)
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
const PERSON = {
  applicantKind: 'naturalPerson',
  name: '王小明',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '0570-1234567',
  email: 'wang@example.cn',
  address: '浙江省衢州市柯城区某路1号',
  delivery: 'electronic',
}
// the seed below is written from this process: with the servers' key, so the chain verifies after the restore
process.env.GONGKAI_AUDIT_KEY = KEY
// the personal-data master key is kept apart from the backup like the audit key, and given to the restored server
const MASTER = randomBytes(32).toString('hex')
process.env.GONGKAI_MASTER_KEY = MASTER
const TOTAL = 40
const BACKUP_AFTER = 12

const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined)
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

function envFor(db: string, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GONGKAI_DB: db,
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_AUDIT_KEY: KEY,
    GONGKAI_MASTER_KEY: MASTER,
    GONGKAI_ATTACHMENTS: '',
    GONGKAI_AUDIT_ANCHORS: '',
    GONGKAI_APPLY_RATE_LIMIT: '100000',
    GONGKAI_STATUS_RATE_LIMIT: '100000',
    GONGKAI_SCHEDULER: '0',
  }
}

async function startServer(env: NodeJS.ProcessEnv, cwd: string): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort()
  const child: ChildProcess = spawn('node', [BIN, 'serve', '--no-demo', '--port', String(port)], {
    env,
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (i > 150 || child.exitCode !== null) throw new Error(`server did not start: ${stderr}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  cleanups.push(stop)
  return { base, stop }
}

/** One online application through the public form (with an ID proof), as a browser sends it. */
async function submit(base: string, agency: string, n: number): Promise<string> {
  const form = await fetch(`${base}/apply`)
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
  const body = new FormData()
  for (const [k, v] of Object.entries({
    _csrf: csrf,
    agency,
    ...PERSON,
    description: `请公开第${n}号地块征收补偿方案`,
  }))
    body.append(k, v)
  body.append('idProof', new Blob([PNG], { type: 'image/png' }), `身份证${n}.png`)
  const res = await fetch(`${base}/apply`, { method: 'POST', body, headers: { cookie }, redirect: 'manual' })
  const code = /code=([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1]
  if (res.status !== 303 || !code) throw new Error(`submission ${n} answered ${res.status}`)
  return code
}

async function newPgDatabase(): Promise<string> {
  const name = `gk_bk_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: PG })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.end()
  })
  return PG.replace(/\/[^/]*$/, `/${name}`)
}

for (const engine of ENGINES as Engine[]) {
  describe(`backup while serving, restore elsewhere [${engine}]`, () => {
    it('every application acknowledged before the backup began, and every attachment, is in the restored server', async () => {
      const root = mkdtempSync(join(tmpdir(), 'gongkai-backup-'))
      const live = join(root, 'live')
      const restored = join(root, 'restored')
      const liveDb = engine === 'sqlite' ? `sqlite:${join(live, 'gongkai.db')}` : await newPgDatabase()
      const restoredDb = engine === 'sqlite' ? `sqlite:${join(restored, 'gongkai.db')}` : await newPgDatabase()

      // an agency and a published document with an attachment on disk
      const seed = await openStore(liveDb)
      await migrate(seed)
      const agency = await makeAgency(seed)
      const doc = await makeDraft(seed, agency, { title: '备份测试公开文件' })
      const fileId = await addAttachment(
        seed,
        localDiskStorage(join(live, 'attachments')),
        doc,
        { name: '附件.pdf', bytes: PDF },
        drafter,
        '2026-03-02' as CalendarDay,
      )
      await reviewAndPublish(seed, doc, '2026-03-02' as CalendarDay)
      await seed.close()

      const server = await startServer(envFor(liveDb, live), root)
      const acks: string[] = []
      // how many were acknowledged when the backup command was started
      let ackedAtBackup = 0
      let ackedWhenDone = 0
      let backup: Promise<{ stdout: string }> | null = null
      // two writers at once, bounded to TOTAL submissions; the backup starts once BACKUP_AFTER are acknowledged
      let next = 0
      const writer = async () => {
        while (next < TOTAL) {
          const n = next++
          const code = await submit(server.base, agency.code, n)
          acks.push(code)
          if (acks.length >= BACKUP_AFTER && !backup) {
            ackedAtBackup = acks.length
            backup = run('node', [BIN, 'backup', '--out', join(root, 'backup')], {
              env: envFor(liveDb, live),
              cwd: root,
            }).then((r) => {
              ackedWhenDone = acks.length
              return r
            })
          }
        }
      }
      await Promise.all([writer(), writer()])
      const out = await (backup as unknown as Promise<{ stdout: string }>)
      expect(out.stdout).toContain('备份完成')
      await server.stop()
      const acknowledged = acks.slice(0, ackedAtBackup)
      expect(acknowledged.length).toBeGreaterThanOrEqual(BACKUP_AFTER)

      // restore into a fresh directory (and database) and start there, from yet another working directory
      const r = await run('node', [BIN, 'restore', '--from', join(root, 'backup')], {
        env: envFor(restoredDb, restored),
        cwd: tmpdir(),
      })
      expect(r.stdout).toContain('SM3 核对无误')
      const again = await startServer(envFor(restoredDb, restored), tmpdir())
      expect((await fetch(`${again.base}/healthz`)).status).toBe(200)
      for (const a of acknowledged) {
        const res = await fetch(`${again.base}/api/public/applications/${a}`)
        expect(res.status, a).toBe(200)
      }
      const file = await fetch(`${again.base}/documents/${doc}/files/${fileId}`)
      expect(file.status).toBe(200)
      expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), PDF)).toBe(0)
      // each acknowledged application's ID proof, byte for byte
      const store = await openStore(restoredDb)
      const files = await store.db
        .selectFrom('application_files as f')
        .innerJoin('applications as a', 'a.id', 'f.application_id')
        .select(['a.query_code', 'a.id as applicationId', 'f.id as fileId'])
        .where('a.query_code', 'in', acknowledged)
        .execute()
      const contents = await Promise.all(
        files.map((f) => findApplicationFile(store.db, Number(f.applicationId), Number(f.fileId))),
      )
      await store.close()
      expect(new Set(files.map((f) => f.query_code)).size).toBe(acknowledged.length)
      expect(contents.every((f) => f?.data.equals(PNG))).toBe(true)
      const verify = await run('node', [BIN, 'audit-log', 'verify'], { env: envFor(restoredDb, restored) })
      expect(verify.stdout).toContain('审计日志校验通过')
      await again.stop()
      console.info(
        `[backup ${engine}] ${acks.length} acknowledged in all, ${acknowledged.length} before the backup began (all restored), ${ackedWhenDone - ackedAtBackup} while it ran`,
      )
    }, 180_000)
  })
}
