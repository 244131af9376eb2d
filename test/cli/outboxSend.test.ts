import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { publicActor } from '../../src/services/actor.js'
import { submitOnlineApplication } from '../../src/services/cases/submitOnlineApplication.js'
import type { Store } from '../../src/store/database.js'
import { migrate, openStore } from '../../src/store/database.js'
import { makeAgency } from '../support/factories.js'
import { startMailServer } from '../support/mailServer.js'

const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin/gongkai.js')
const dir = mkdtempSync(join(tmpdir(), 'gk-outbox-'))
const db = `sqlite:${join(dir, 'gongkai.db')}`

let store: Store
let mail: Awaited<ReturnType<typeof startMailServer>>

/** The command in a child process (async: the test's SMTP server lives in this one). */
function gongkai(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn('node', [bin, ...args], { cwd: root, env: { ...process.env, GONGKAI_DB: db, ...env } })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    p.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

beforeAll(async () => {
  mail = await startMailServer()
  store = await openStore(db)
  await migrate(store)
})
afterAll(async () => {
  await store.close()
  await mail.close()
})

it('`gongkai outbox send` leaves mail unsent without SMTP settings, then sends it once they are given', async () => {
  const agencyId = await makeAgency(store, '庚市住房和城乡建设局')
  const code = (
    await store.db.selectFrom('agencies').select('code').where('id', '=', agencyId).executeTakeFirstOrThrow()
  ).code
  const r = await submitOnlineApplication({
    store,
    actor: publicActor('198.51.100.9'),
    input: {
      agency: code,
      applicantKind: 'naturalPerson',
      name: '郑十',
      idType: 'passport',
      idNumber: 'E11223344',
      phone: '0570-1111111',
      email: 'zheng@example.cn',
      description: '请公开某公园改造工程的设计方案',
      delivery: 'electronic',
    },
    files: [],
    today: '2026-11-24' as CalendarDay,
  })
  const unset = await gongkai({ GONGKAI_SMTP_URL: '' }, 'outbox', 'send')
  expect(unset.stdout).toContain('未配置发送方式 1 条')
  expect(mail.received).toHaveLength(0)

  const sent = await gongkai(
    { GONGKAI_SMTP_URL: mail.url, GONGKAI_MAIL_FROM: 'noreply@gongkai.test' },
    'outbox',
    'send',
  )
  expect(sent.status).toBe(0)
  expect(sent.stdout).toContain('已发送 1 条')
  expect(mail.received.map((m) => [m.to, m.subject.includes(r.queryCode)])).toEqual([[['zheng@example.cn'], true]])
})
