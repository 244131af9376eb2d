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

it('importing a year replaces it and prints each day that changes; entering it again drops what it no longer lists', () => {
  const first = join(dir, 'notice-2028-a.json')
  // 2028 (no test above enters it): a notice that (for the test) also lists 2027-12-31, a day of the year before
  writeFileSync(
    first,
    JSON.stringify({
      year: 2028,
      holidays: ['2027-12-31~2028-01-02'],
      workdays: [],
      source: '2028年放假安排（测试 A）',
    }),
  )
  const a = gongkai('calendar', 'import', first)
  expect(a.status).toBe(0)
  expect(a.stdout).toContain('2027-12-31：上班 → 放假')
  // 1/1 (a Saturday) was a provisional holiday (《全国年节及纪念日放假办法》第二条); now it is firm
  expect(a.stdout).toContain('2028-01-01：放假（暂定） → 放假')
  // the notice does not list 10/1–3: Monday 10/2 becomes an ordinary working day
  expect(a.stdout).toContain('2028-10-02：放假（暂定） → 上班')

  const second = join(dir, 'notice-2028-b.json')
  writeFileSync(
    second,
    JSON.stringify({
      year: 2028,
      holidays: ['2028-01-01~2028-01-02'],
      workdays: [],
      source: '2028年放假安排（测试 B）',
    }),
  )
  const b = gongkai('calendar', 'import', second)
  expect(b.status).toBe(0)
  // the day of the year before that only the first entry listed is gone again
  expect(b.stdout).toContain('2027-12-31：放假 → 上班')
  expect(b.stdout).not.toContain('2028-01-01：')
})

it('a notice day two years off is refused', () => {
  const file = join(dir, 'bad-year.json')
  writeFileSync(file, JSON.stringify({ year: 2027, holidays: ['2025-12-31'], workdays: [], source: '测试' }))
  const r = gongkai('calendar', 'import', file)
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('2025-12-31 不在 2027 年内')
})
