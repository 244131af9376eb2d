import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { validateLedger } from '../../src/services/report/importApplications.js'
import { readLedgerFile } from '../../src/services/report/ledgerFile.js'

const dir = mkdtempSync(join(tmpdir(), 'gongkai-ledger-file-'))
const HEADER = ['编号', '收到日期', '申请方式', '申请人类型', '申请人', '申请内容', '答复日期', '办理结果']
const TODAY = '2026-11-24' as CalendarDay

describe('reading a ledger file as offices save it', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('an XLSX whose dates are numbers (serials), text serials and text dates, and whose 编号 is a number', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('台账')
    ws.addRow(HEADER)
    ws.addRow([1001, 45054, '网络', '自然人', '甲', '请公开甲', '45066', '予以公开'])
    ws.addRow([1002, '2023/5/8', '信函', '自然人', '乙', '请公开乙', '2023年5月20日', '予以公开'])
    const file = join(dir, 'dates.xlsx')
    await wb.xlsx.writeFile(file)
    const { rows, encoding } = await readLedgerFile(file)
    expect(encoding).toBe('XLSX')
    const { cases, errors } = validateLedger(rows, TODAY)
    expect(errors).toEqual([])
    expect(cases.map((c) => [c.ref, c.receivedOn, c.events.at(-1)?.on])).toEqual([
      ['1001', '2023-05-08', '2023-05-20'],
      ['1002', '2023-05-08', '2023-05-20'],
    ])
  })

  it('a CSV saved in GBK is read as GBK and says so; the same CSV in UTF-8 says UTF-8', async () => {
    // "编号,收到日期" … in GBK: 编 B1E0 号 BAC5
    const gbkFile = join(dir, 'gbk.csv')
    writeFileSync(gbkFile, Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x0d, 0x0a, 0x41, 0x2d, 0x31, 0x0d, 0x0a]))
    expect(await readLedgerFile(gbkFile)).toEqual({ rows: [['编号'], ['A-1']], encoding: 'GBK' })
    const utf8File = join(dir, 'utf8.csv')
    writeFileSync(utf8File, '\uFEFF编号\r\nA-1\r\n')
    expect(await readLedgerFile(utf8File)).toEqual({ rows: [['编号'], ['A-1']], encoding: 'UTF-8' })
  })
})
