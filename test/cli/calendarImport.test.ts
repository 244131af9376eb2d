import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin/gongkai.js')
const dir = mkdtempSync(join(tmpdir(), 'gk-cal-'))
const env = { ...process.env, GONGKAI_DB: `sqlite:${join(dir, 'gongkai.db')}` }

function gongkai(...args: string[]) {
  return spawnSync('node', [bin, ...args], { cwd: root, env, encoding: 'utf8' })
}

it('a notice file with a bad day is refused, naming the entry, and nothing is entered', () => {
  const file = join(dir, 'bad.json')
  writeFileSync(
    file,
    JSON.stringify({ year: 2027, holidays: ['2027-01-01', '2027-02-30'], workdays: [], source: '测试' }),
  )
  const r = gongkai('calendar', 'import', file)
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('holidays[1]')
  expect(r.stderr).toContain('2027-02-30')
  const after = gongkai('deadline', '--received', '2026-12-15', '--json')
  expect(JSON.parse(after.stdout)).toMatchObject({ provisional: true })
})

it('once next year is entered, the deadline command uses it and the date is no longer provisional', () => {
  const file = join(dir, 'notice-2027.json')
  writeFileSync(
    file,
    JSON.stringify({ year: 2027, holidays: ['2027-01-01~2027-01-03'], workdays: [], source: '2027年放假安排（测试）' }),
  )
  const r = gongkai('calendar', 'import', file)
  expect(r.status).toBe(0)
  expect(r.stdout).toContain('已录入 2027 年放假安排：放假 3 天')
  const d = gongkai('deadline', '--received', '2026-12-15', '--json')
  // 12/16–18 1–3, 12/21–25 4–8, 12/28–31 9–12, 1/1 holiday, 1/4–8 13–17, 1/11–13 18–20
  expect(JSON.parse(d.stdout)).toEqual({
    received: '2026-12-15',
    supplementBy: '2026-12-24',
    dueBy: '2027-01-13',
    dueByExtended: '2027-02-10',
  })
  expect(d.stderr).toBe('')
})
