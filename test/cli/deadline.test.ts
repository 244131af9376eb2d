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
  // 《全国年节及纪念日放假办法》第二条: 元旦 2027-01-01 rests before the notice (issue 11, decision 0008; was 1/12):
  // 12/16–18 1–3, 21–25 4–8, 28–31 9–12, [1/1], 1/4–8 13–17, 1/11–13 18–20
  expect(JSON.parse(r.stdout)).toMatchObject({ dueBy: '2027-01-13', provisional: true })
  expect(r.stderr).toContain('暂定')
})

it('a malformed date is refused with a Chinese message naming the option', () => {
  const r = gongkai('deadline', '--received', '2026-02-30')
  expect(r.status).toBe(2)
  expect(r.stderr).toContain('--received')
})

it('a third party receiving 3 days after sending: --consultation SENT/RECEIVED (《条例》第三十二条)', () => {
  const r = gongkai(
    'deadline',
    '--received',
    '2026-03-02',
    '--consultation',
    '2026-03-10/2026-03-13',
    '--today',
    '2026-04-20',
    '--json',
  )
  expect(r.status).toBe(0)
  // 15 working days from receipt: 3/16 1 … 4/3 15; excluded 3/11–4/3: 18 working days;
  // reply: 3/3 1 … 3/10 6, [paused], [4/4–6 清明, 2026 notice], 4/7 7 … 4/24 20
  const out = JSON.parse(r.stdout)
  expect(out.pauses).toEqual([
    {
      kind: 'thirdPartyConsultation',
      sent: '2026-03-10',
      receivedOn: '2026-03-13',
      receiptPresumed: false,
      limit: '2026-04-03',
      to: '2026-04-03',
      workingDays: 18,
    },
  ])
  expect(out.dueBy).toBe('2026-04-24')
})

it('an online submission on Saturday 2026-03-07: --online-at (《条例》第三十一条第（三）项)', () => {
  const r = gongkai('deadline', '--received', '2026-03-07', '--online-at', '10:00', '--json')
  // confirmed Monday 3/9; 3/10 1 … 4/3 19, [4/4–6 清明], 4/7 20
  expect(JSON.parse(r.stdout)).toMatchObject({ received: '2026-03-09', dueBy: '2026-04-07' })
})

it('a fee notice received 3 days after sending and paid on the last day (国办函〔2020〕109号)', () => {
  const r = gongkai('deadline', '--received', '2025-06-03', '--fee', '2025-06-10/2025-06-13~2025-07-11', '--json')
  // to pay: 6/16 1 … 7/11 20; excluded 6/11–7/11: 23; reply 6/4 1 … 6/10 5, [paused], 7/14 6 … 8/1 20
  expect(JSON.parse(r.stdout)).toMatchObject({ dueBy: '2025-08-01', deadline: '2025-08-01' })
})

it('extensions 10 + 10 are accepted, 10 + 11 refused (《条例》第三十三条第二款)', () => {
  const ok = gongkai(
    'deadline',
    '--received',
    '2026-09-28',
    '--extension',
    '10@2026-10-20',
    '--extension',
    '10@2026-11-10',
    '--json',
  )
  // due 10/30; +10: 11/2 21 … 11/13 30; +10: 11/16 31 … 11/27 40
  expect(JSON.parse(ok.stdout)).toMatchObject({ deadline: '2026-11-27', extensionDays: 20 })
  const no = gongkai(
    'deadline',
    '--received',
    '2026-09-28',
    '--extension',
    '10@2026-10-20',
    '--extension',
    '11@2026-11-10',
  )
  expect(no.status).toBe(1)
  expect(no.stderr).toContain('再延长最多10个工作日')
})

it('a supplement restarts the period: --supplement-requested and --supplement-received (《条例》第三十条)', () => {
  const r = gongkai(
    'deadline',
    '--received',
    '2025-04-21',
    '--supplement-requested',
    '2025-04-23',
    '--supplement-received',
    '2025-05-06',
    '--json',
  )
  // from 5/6: 5/7 1 … 5/30 18, [5/31–6/2 端午], 6/3 19, 6/4 20
  expect(JSON.parse(r.stdout)).toMatchObject({ periodStartsOn: '2025-05-06', dueBy: '2025-06-04' })
})
