import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AnnualReport, ApplicationsTable, ReviewsAndLawsuits } from '../../src/domain/report/model.js'

const repo = new URL('../../', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'))
const env = { ...process.env, GONGKAI_DB: `sqlite:${join(dir, 'cli.db')}` }

function gongkai(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/cli/main.ts'), ...args], {
    cwd: repo,
    env,
    encoding: 'utf8',
  })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

function altered(
  file: string,
  change: (m: AnnualReport & { applications: ApplicationsTable; reviewsAndLawsuits: ReviewsAndLawsuits }) => void,
): string {
  const model = JSON.parse(readFileSync(file, 'utf8')) as AnnualReport & {
    applications: ApplicationsTable
    reviewsAndLawsuits: ReviewsAndLawsuits
  }
  change(model)
  const out = join(dir, `altered-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(out, JSON.stringify(model))
  return out
}

const rulesIn = (out: string) => [...new Set([...out.matchAll(/^\[([a-z.A-Z]+)\]/gm)].map((m) => m[1]))].sort()

describe('gongkai report generate / check', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const fz = join(dir, 'fz.json')

  it('generates 福州 2020 from the demo and its check exits 0', () => {
    expect(gongkai('demo').status).toBe(0)
    const gen = gongkai('report', 'generate', '--agency', '福州市住房保障和房产管理局', '--year', '2020', '--out', fz)
    expect(gen.out).toContain('2019格式')
    expect(gen.status).toBe(0)
    const check = gongkai('report', 'check', fz)
    expect(check.out).toContain('勾稽关系检查通过')
    expect(check.status).toBe(0)
  }, 60_000)

  it('a changed 表四 total is reported under reviews.total and exits 1', () => {
    const file = altered(fz, (m) => (m.reviewsAndLawsuits.review.total = 5))
    const check = gongkai('report', 'check', file)
    expect(check.status).toBe(1)
    expect(rulesIn(check.out)).toEqual(['reviews.total'])
    expect(check.out).toContain('相差1')
  }, 30_000)

  it('one natural-person cell of 结转下年度 changed breaks the balance of that column and the row total', () => {
    const file = altered(fz, (m) => (m.applications.carriedForward[0] = 2))
    const check = gongkai('report', 'check', file)
    expect(check.status).toBe(1)
    expect(rulesIn(check.out)).toEqual(['applications.balance', 'applications.columnsTotal'])
    expect(check.out).toMatch(/自然人列.*相差2/)
  }, 30_000)

  it('one result sub-row changed breaks applications.resultsTotal', () => {
    const file = altered(fz, (m) => {
      m.applications.results.disclosed[5] = 1
      m.applications.results.disclosed[6] = 8
    })
    expect(rulesIn(gongkai('report', 'check', file).out)).toEqual(['applications.resultsTotal'])
  }, 30_000)

  it('the extension of --out picks the export, and a wrong one is refused', () => {
    for (const ext of ['html', 'docx', 'xlsx']) {
      const r = gongkai(
        'report',
        'generate',
        '--agency',
        '衢州市住房和城乡建设局',
        '--year',
        '2020',
        '--format',
        'legacy',
        '--out',
        join(dir, `qz.${ext}`),
      )
      expect(r.status).toBe(0)
    }
    expect(readFileSync(join(dir, 'qz.html'), 'utf8')).toContain('政府信息公开工作情况报表（2020年）')
    const bad = gongkai(
      'report',
      'generate',
      '--agency',
      '衢州市住房和城乡建设局',
      '--year',
      '2020',
      '--out',
      // .pdf became an export in issue 13 (the report's PDF on the portal): a text file is the wrong extension now
      join(dir, 'qz.txt'),
    )
    expect(bad.status).toBe(2)
    expect(bad.out).toContain('扩展名')
  }, 60_000)
})
