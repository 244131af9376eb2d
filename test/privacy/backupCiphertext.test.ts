import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { makeBackup } from '../../src/services/backup.js'
import { readApplicantRecord } from '../../src/services/personalData/vault.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { insertApplicationFile } from '../../src/store/applicationFileRepo.js'
import type { Engine } from '../../src/store/database.js'
import { migrate, openStore } from '../../src/store/database.js'
import { ENGINES } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'

// Issue 17 point 1: a backup (`gongkai backup`) holds ciphertext only, and not the master key, which is kept apart
// (docs/personal-data.md「加密存储」). Each file of the backup is searched, the PostgreSQL dump as the SQL text
// pg_restore makes of it (the custom format is compressed).

const MASTER = randomBytes(32).toString('hex')
process.env.GONGKAI_MASTER_KEY = MASTER
const PG = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
const TODAY = '2026-11-24' as CalendarDay
const ID = '11010519491231002X'
const PHONE = '13911112222'
const IMAGE = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(300)])

const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined)
})

async function databaseUrl(engine: Engine, dir: string): Promise<string> {
  if (engine === 'sqlite') return `sqlite:${join(dir, 'live.db')}`
  const name = `gk_priv_${randomBytes(5).toString('hex')}`
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

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

for (const engine of ENGINES) {
  describe(`a backup holds ciphertext only [${engine}]`, () => {
    it('no file of the backup holds the ID number, the phone, the image, or the master key', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-privacy-backup-'))
      process.env.GONGKAI_DATA_DIR = join(dir, 'data')
      const url = await databaseUrl(engine, dir)
      const store = await openStore(url)
      await migrate(store)
      const agencyId = await makeAgency(store)
      const c = await registerApplication(
        store,
        {
          agencyId,
          channel: 'online',
          receivedOn: TODAY,
          applicantKind: 'naturalPerson',
          applicantName: '皇甫清风',
          applicant: { idNumber: ID, phone: PHONE, email: 'qingfeng@example.cn' },
          description: '请公开本市某道路改造工程的批复文件',
        },
        TODAY,
      )
      const id = Number(c.row.id)
      await insertApplicationFile(store.db, {
        applicationId: id,
        purpose: 'idProof',
        fileName: 'id.png',
        mime: 'image/png',
        data: IMAGE,
      })
      const out = join(dir, 'backup')
      const m = await makeBackup({ store, url, outDir: out })
      expect((await readApplicantRecord(store.db, id))?.details).toMatchObject({ idNumber: ID, phone: PHONE })
      await store.close()

      const files = filesUnder(out)
      expect(files.some((f) => f.endsWith(m.database))).toBe(true)
      const texts = files.map((f) => readFileSync(f))
      if (engine === 'postgres') {
        const { stdout } = await promisify(execFile)('pg_restore', ['--file=-', join(out, m.database)], {
          maxBuffer: 64 * 1024 * 1024,
          encoding: 'buffer',
        })
        expect(stdout.toString('utf8')).toContain('gk1:') // the dump's text, with the sealed values in it
        texts.push(stdout)
      } else expect(texts.some((t) => t.includes('gk1:'))).toBe(true)
      const needles = [
        Buffer.from(ID),
        Buffer.from(PHONE),
        Buffer.from('皇甫清风'),
        IMAGE.subarray(8),
        Buffer.from(IMAGE.subarray(9).toString('base64').slice(4, 200)),
        Buffer.from(IMAGE.subarray(10).toString('base64').slice(4, 200)),
        Buffer.from(IMAGE.subarray(11).toString('base64').slice(4, 200)),
        Buffer.from(MASTER),
        Buffer.from(MASTER, 'hex'),
      ]
      const found = needles.filter((n) => texts.some((t) => t.includes(n)))
      console.info(
        `[${engine}] backup: ${files.length} files searched, ${found.length} of ${needles.length} needles found`,
      )
      expect(found).toEqual([])
      expect(files.some((f) => /master\.key/.test(f))).toBe(false)
    })
  })
}
