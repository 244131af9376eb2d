import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import { expect, it } from 'vitest'
import { makeCreditCode } from '../support/factories.js'

// Issue 15 point 8: `gongkai audit-log verify` said "校验通过：共 0 条记录" after every record was deleted. With an
// anchor printed and kept, wiping the chain is detected (docs/security.md, decision 0034).

const run = promisify(execFile)
const BIN = new URL('../../bin/gongkai.js', import.meta.url).pathname

it('an anchor prints the head’s SM3 hash; wiping the chain after it fails verification', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-anchor-'))
  const file = join(dir, 'gongkai.db')
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DB: `sqlite:${file}`, GONGKAI_DATA_DIR: dir }
  delete env.GONGKAI_AUDIT_KEY
  const gk = (...args: string[]) => run('node', [BIN, ...args], { env })
  await gk('agency', 'add', '--name', '锚点测试局', '--code', makeCreditCode(424242))
  const anchor = await gk('audit-log', 'anchor')
  const head = new SQLite(file).prepare('select seq, hash from audit_head').get() as { seq: number; hash: string }
  expect(anchor.stdout).toContain(`截至第 ${head.seq} 条记录，链头 SM3 ${head.hash}`)
  expect((await gk('audit-log', 'verify')).stdout).toContain('与第 1 个锚点')

  const db = new SQLite(file)
  db.exec('delete from audit_log; delete from audit_head')
  db.close()
  const wiped = await gk('audit-log', 'verify').then(
    () => null,
    (err: { code: number; stderr: string }) => err,
  )
  expect(wiped?.code).toBe(1)
  expect(wiped?.stderr).toContain('记录被截断或清空（现有 0 条）')
}, 60_000)
