import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname
// run the built CLI exactly as `npx gongkai` does (bin/gongkai.js → dist)
const bin = join(root, 'bin/gongkai.js')
const env = { ...process.env, GONGKAI_DB: `sqlite:${join(mkdtempSync(join(tmpdir(), 'gk-')), 'none.db')}` }

function gongkai(...args: string[]) {
  return spawnSync('node', [bin, ...args], { cwd: root, env, encoding: 'utf8' })
}

it('deadline --json prints exactly one object with the three dates', () => {
  const r = gongkai('deadline', '--received', '2026-09-28', '--json')
  expect(r.status).toBe(0)
  // 2026 notice: 国庆 10/1–7 off, 10/10 (Saturday) worked.
  // supplement: 9/29 1, 9/30 2, 10/8 3, 10/9 4, 10/10 5, 10/12 6, 10/13 7
  // reply: … 10/13 7, 10/14–16 8–10, 10/19–23 11–15, 10/26–30 16–20
  // extended: 11/2–6 21–25, 11/9–13 26–30, 11/16–20 31–35, 11/23–27 36–40
  expect(JSON.parse(r.stdout)).toEqual({
    received: '2026-09-28',
    supplementBy: '2026-10-13',
    dueBy: '2026-10-30',
    dueByExtended: '2026-11-27',
  })
  expect(r.stdout.trim().split('\n')).toHaveLength(1)
  expect(r.stderr).toBe('')
})

it('a date in a year nobody entered is marked provisional, with a warning on stderr', () => {
  const r = gongkai('deadline', '--received', '2026-12-15', '--json')
  expect(r.status).toBe(0)
  expect(JSON.parse(r.stdout)).toMatchObject({ dueBy: '2027-01-12', provisional: true })
  expect(r.stderr).toContain('暂定')
})

it('a malformed date is refused with a Chinese message naming the option', () => {
  const r = gongkai('deadline', '--received', '2026-02-30')
  expect(r.status).toBe(2)
  expect(r.stderr).toContain('--received')
})
