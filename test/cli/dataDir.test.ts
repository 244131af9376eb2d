import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { addAttachment } from '../../src/services/catalog/attachments.js'
import { localDiskStorage } from '../../src/services/catalog/attachmentStorage.js'
import { migrate, openStore } from '../../src/store/database.js'
import { drafter, makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'

// Issue 15 point 10: attachments were kept under ./data/attachments of whatever directory the process started in,
// so a server started elsewhere listed them and answered 404. The data directory is one absolute path: by
// default the SQLite database's directory (decision 0035).

const BIN = new URL('../../bin/gongkai.js', import.meta.url).pathname
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
let stop: () => void = () => undefined
afterAll(() => stop())

it('attachments uploaded by one process are downloaded from a server started in another directory', async () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-datadir-'))
  const db = `sqlite:${join(root, 'db', 'gongkai.db')}`
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DB: db, GONGKAI_SCHEDULER: '0' }
  delete env.GONGKAI_DATA_DIR
  delete env.GONGKAI_ATTACHMENTS
  // the upload, as configured by the environment alone (the test process starts in the repository)
  process.env.GONGKAI_DB = db
  delete process.env.GONGKAI_DATA_DIR
  delete process.env.GONGKAI_ATTACHMENTS
  const store = await openStore(db)
  await migrate(store)
  const agency = await makeAgency(store)
  const doc = await makeDraft(store, agency, { title: '数据目录测试文件' })
  const fileId = await addAttachment(
    store,
    localDiskStorage(),
    doc,
    { name: '附件.pdf', bytes: PDF },
    drafter,
    '2026-03-02' as CalendarDay,
  )
  await reviewAndPublish(store, doc, '2026-03-02' as CalendarDay)
  await store.close()

  const elsewhere = join(root, 'elsewhere')
  mkdirSync(elsewhere)
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
  const child = spawn('node', [BIN, 'serve', '--no-demo', '--port', String(port)], {
    env,
    cwd: elsewhere,
    stdio: 'ignore',
  })
  stop = () => child.kill('SIGTERM')
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    await new Promise((r) => setTimeout(r, 200))
  }
  const page = await fetch(`${base}/documents/${doc}`)
  expect(await page.text()).toContain(`/documents/${doc}/files/${fileId}`)
  const file = await fetch(`${base}/documents/${doc}/files/${fileId}`)
  expect(file.status).toBe(200)
  expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), PDF)).toBe(0)
}, 60_000)
