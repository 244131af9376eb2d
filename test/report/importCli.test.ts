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

  it('an eight-column ledger imports with its warnings listed; its GBK copy imports with the same result, and says GBK', () => {
    const [utf8Code, gbkCode] = [makeCreditCode(4444), makeCreditCode(4545)]
    for (const c of [utf8Code, gbkCode])
      expect(gongkai('agency', 'add', '--name', `八列台账${c}`, '--code', c).status).toBe(0)
    const basic = parseCsv(readFileSync(csvFile, 'utf8'))
      .map((r) => r.slice(0, 8).join(','))
      .join('\r\n')
    const lapsed = (basic.match(/逾期不补正/g) ?? []).length
    const utf8File = join(dir, 'basic-utf8.csv')
    const gbkFile = join(dir, 'basic-gbk.csv')
    writeFileSync(utf8File, basic)
    writeFileSync(gbkFile, gbk(basic))
    expect(readFileSync(gbkFile).equals(Buffer.from(basic))).toBe(false)
    const a = gongkai('import', 'applications', '--agency', utf8Code, utf8File)
    expect(a.status).toBe(0)
    expect(a.out).toContain('（UTF-8 编码，300 行）')
    const b = gongkai('import', 'applications', '--agency', gbkCode, gbkFile)
    expect(b.status).toBe(0)
    expect(b.out).toContain('（GBK 编码，300 行）')
    for (const out of [a.out, b.out]) {
      expect(out).toContain('导入完成：新增 300 件，已存在未改动 0 件')
      expect(out).toContain(`提示 ${lapsed} 条`)
      expect(out.match(/「补正告知日期」：办理结果为逾期不补正，但未填写补正告知日期/g)).toHaveLength(lapsed)
    }
    const again = gongkai('import', 'applications', '--agency', gbkCode, gbkFile)
    expect(again.out).toContain('导入完成：新增 0 件，已存在未改动 300 件')
    const models = [utf8Code, gbkCode].map((c) => {
      const out = join(dir, `basic-${c}.json`)
      expect(gongkai('report', 'generate', '--agency', c, '--year', '2022', '--out', out).status).toBe(0)
      return JSON.parse(readFileSync(out, 'utf8')) as { applications: unknown; dataNotes?: { count: number }[] }
    })
    expect(models[1]!.applications).toEqual(models[0]!.applications)
    expect(models[1]!.dataNotes).toEqual(models[0]!.dataNotes)
    const check = gongkai('report', 'check', join(dir, `basic-${gbkCode}.json`))
    expect(check.status).toBe(0)
    expect(check.out).toContain('数据质量提示 1 条（不是错误）')
  }, 90_000)
})

/** GBK bytes of a text, by a table read off Node's own GBK decoder (Node ships no GBK encoder). */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk')
  const table = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if (lo !== 0x7f && ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo])
    }
  return Buffer.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)]
      const bytes = table.get(ch)
      if (!bytes) throw new Error(`no GBK code for ${ch}`)
      return bytes
    }),
  )
}
