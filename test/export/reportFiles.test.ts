import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnualReport } from '../../src/domain/report/model.js'
import { reportDocx } from '../../src/export/reportDocx.js'
import { reportXlsx } from '../../src/export/reportXlsx.js'
import { FUZHOU, loadDemo, QUZHOU } from '../../src/services/demo/loadDemo.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { freshStore } from '../support/engines.js'

const SOFFICE = '/usr/bin/soffice'
const hasOffice = existsSync(SOFFICE) && existsSync('/usr/bin/pdftotext')
if (!hasOffice) console.warn('[skip] LibreOffice or pdftotext missing: the LibreOffice conversion test is SKIPPED')

describe('DOCX and XLSX exports', () => {
  let fz: AnnualReport
  let qz: AnnualReport
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-export-'))
  beforeAll(async () => {
    const store = await freshStore('sqlite')
    await loadDemo(store)
    fz = await generateReport(store, { agency: FUZHOU.name, year: 2020 })
    // the generated draft of 一 has a paragraph for each of its five parts (条例第五十条; issue 11), which moves table
    // 三 to page 2; the page-1 layout check below is made on sections as short as staff may write them
    fz.narrative = { overview: '2020年共收到政府信息公开申请49件，全部按时答复。', problems: '无。', other: '无。' }
    qz = await generateReport(store, { agency: QUZHOU.name, year: 2020, format: 'legacy' })
    await store.drop()
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('the XLSX has one sheet per table, the form’s merged cells, and numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await reportXlsx(fz)) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['二、主动公开', '三、依申请公开', '四、复议诉讼'])
    const t3 = wb.getWorksheet('三、依申请公开')!
    let totalRow = 0
    t3.eachRow((row, n) => {
      if (row.getCell(2).value === '（七）总计') totalRow = n
    })
    const cells = [4, 5, 6, 7, 8, 9, 10].map((c) => t3.getRow(totalRow).getCell(c).value)
    expect(cells).toEqual([48, 0, 0, 0, 0, 1, 49])
    expect(t3.getCell('A2').isMerged && t3.getCell('C4').isMerged).toBe(true)
    const legacy = new ExcelJS.Workbook()
    await legacy.xlsx.load((await reportXlsx(qz)) as unknown as ArrayBuffer)
    const sheet = legacy.worksheets[0]!
    let v: unknown
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('二、主动公开新增信息数量')) v = row.getCell(4).value
    })
    expect(v).toBe(1072)
  })

  it.skipIf(!hasOffice)(
    'LibreOffice opens the DOCX and XLSX; the PDF’s first page shows table 三 with the seed’s numbers',
    async () => {
      writeFileSync(join(dir, 'word.docx'), await reportDocx(fz))
      writeFileSync(join(dir, 'sheets.xlsx'), await reportXlsx(fz))
      execFileSync(
        SOFFICE,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/lo`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'word.docx'),
          join(dir, 'sheets.xlsx'),
        ],
        { stdio: 'ignore', timeout: 120_000 },
      )
      const text = (f: string, pages: string[]) =>
        execFileSync('pdftotext', [...pages, '-layout', join(dir, f), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      const word = text('word.pdf', ['-f', '1', '-l', '1'])
      expect(word).toContain('三、收到和处理政府信息公开申请情况')
      expect(word).toMatch(/一、本年新收政府信息公开申请数量 48 0 0 0 0 1 49/)
      const sheets = text('sheets.pdf', [])
      expect(sheets).toMatch(/（七）总计 48 0 0 0 0 1 49/)
      expect(sheets).toContain('第二十条第（九）项')
    },
    180_000,
  )
})
