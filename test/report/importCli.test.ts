import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/services/report/ledgerFile.js'
import { makeCreditCode } from '../support/factories.js'

const repo = new URL('../../', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-cli-'))
const env = { ...process.env, GONGKAI_DB: `sqlite:${join(dir, 'cli.db')}` }
const csvFile = new URL('../fixtures/ledger/ledger-2021-2023.csv', import.meta.url).pathname

function gongkai(...args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/cli/main.ts'), ...args], {
    cwd: repo,
    env,
    encoding: 'utf8',
  })
  return { status: r.status, out: r.stdout, err: r.stderr }
}

describe('gongkai agency add / import applications', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const code = makeCreditCode(4242)

  it('refuses a 统一社会信用代码 whose check character is wrong (GB 32100-2015), and creates the agency with the right one', () => {
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0')
    const bad = gongkai('agency', 'add', '--name', '某县住房和城乡建设局', '--code', wrong)
    expect(bad.status).toBe(1)
    expect(bad.err).toContain(`校验位错误（按 GB 32100-2015 应为 ${code[17]}）`)
    const ok = gongkai('agency', 'add', '--name', '某县住房和城乡建设局', '--code', code)
    expect(ok.status).toBe(0)
    expect(ok.out).toContain('已创建机关「某县住房和城乡建设局」')
  }, 30_000)

  it('imports the CSV ledger with a progress bar; a second import changes nothing', () => {
    const first = gongkai('import', 'applications', '--agency', code, csvFile)
    expect(first.out).toContain('导入完成：新增 300 件，已存在未改动 0 件')
    expect(first.err).toContain('300/300')
    const second = gongkai('import', 'applications', '--agency', code, csvFile)
    expect(second.out).toContain('导入完成：新增 0 件，已存在未改动 300 件')
  }, 60_000)

  it('imports the same ledger saved as XLSX (dates as Excel dates) into another agency, with the same 2022 table', async () => {
    const other = makeCreditCode(4343)
    expect(gongkai('agency', 'add', '--name', '另一机关', '--code', other).status).toBe(0)
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('台账')
    const rows = parseCsv(readFileSync(csvFile, 'utf8'))
    rows.forEach((r, i) =>
      ws.addRow(r.map((c) => (i > 0 && /^\d{4}-\d{2}-\d{2}$/.test(c) ? new Date(`${c}T00:00:00Z`) : c))),
    )
    const xlsx = join(dir, 'ledger.xlsx')
    await wb.xlsx.writeFile(xlsx)
    expect(gongkai('import', 'applications', '--agency', other, xlsx).out).toContain('新增 300 件')
    for (const agency of [code, other])
      expect(
        gongkai('report', 'generate', '--agency', agency, '--year', '2022', '--out', join(dir, `${agency}.json`))
          .status,
      ).toBe(0)
    const a = JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as { applications: unknown }
    const b = JSON.parse(readFileSync(join(dir, `${other}.json`), 'utf8')) as { applications: unknown }
    expect(b.applications).toEqual(a.applications)
  }, 60_000)

  it('a ledger with a bad row imports nothing and names row and column', () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(
      bad,
      '编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果\nZ-1,2023-05-01,网络,自然人,甲,内容,2023-04-01,予以公开\n',
    )
    const r = gongkai('import', 'applications', '--agency', code, bad)
    expect(r.status).toBe(1)
    expect(r.err).toContain('第2行「答复日期」：答复日期（2023-04-01）早于收到日期（2023-05-01）')
  }, 30_000)
})
