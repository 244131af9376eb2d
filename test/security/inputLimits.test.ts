import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditCsv } from '../../src/audit/csv.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { daySchema } from '../../src/domain/calendar/calendarDay.js'
import { cleanFileName } from '../../src/domain/catalog/fileName.js'
import { systemActor } from '../../src/services/actor.js'
import { ValidationError } from '../../src/services/errors.js'
import { enterFigures } from '../../src/services/report/figures.js'
import { validateLedger } from '../../src/services/report/importApplications.js'
import { LEDGER_MAX_ROWS, readLedgerFile } from '../../src/services/report/ledgerFile.js'
import { enterReportFigure } from '../../src/services/report/reportChanges.js'
import type { Store } from '../../src/store/database.js'
import { uniqueAgency } from '../auth/support.js'
import { freshStore } from '../support/engines.js'

// Issue 15 finding 11, the input points: size limits on imports, CSV cells that a spreadsheet would run, control
// and right-to-left-override characters in file names, dates before the 条例 and figures a person never writes.

const TODAY = '2026-11-24' as CalendarDay
const HEADER = ['编号', '收到日期', '申请方式', '申请人类型', '申请人', '申请内容', '答复日期', '办理结果']
const row = (over: Partial<Record<(typeof HEADER)[number], string>>) =>
  HEADER.map(
    (h) =>
      ({
        编号: 'A-1',
        收到日期: '2025-03-02',
        申请方式: '信函',
        申请人类型: '自然人',
        申请人: '陈明',
        申请内容: '请公开某文件',
        ...over,
      })[h] ?? '',
  )

describe('imports', () => {
  it('a 1,000,000-character 申请内容 is refused, naming the row and the column', () => {
    const { errors, cases } = validateLedger([HEADER, row({ 申请内容: '长'.repeat(1_000_000) })], TODAY)
    expect(cases).toEqual([])
    expect(errors).toEqual([{ row: 2, column: '申请内容', message: expect.stringContaining('申请内容过长') }])
  })

  it('a date before 2008 (1899-12-31, Excel’s day 1) is refused', () => {
    const { errors } = validateLedger([HEADER, row({ 收到日期: '1899-12-31' })], TODAY)
    expect(errors).toEqual([{ row: 2, column: '收到日期', message: expect.stringContaining('早于2008年') }])
  })

  describe('a ledger file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-limits-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it(`of more than ${LEDGER_MAX_ROWS} rows is refused before anything is imported`, async () => {
      const file = join(dir, 'big.csv')
      const lines = [HEADER.join(',')]
      for (let i = 0; i <= LEDGER_MAX_ROWS; i++) lines.push(`A-${i},2025-03-02,信函,自然人,陈明,请公开,,`)
      writeFileSync(file, lines.join('\n'))
      await expect(readLedgerFile(file)).rejects.toThrow(/台账行数过多/)
    })
  })
})

describe('dates and figures', () => {
  it('a date of the law before 2008 is refused in Chinese, naming the field', () => {
    const r = daySchema('收到日期').safeParse('1899-12-31')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('收到日期不能早于2008年')
    expect(daySchema('收到日期').safeParse('2008-05-01').success).toBe(true)
  })

  let store: Store & { drop(): Promise<void> }
  let agency = 0
  beforeAll(async () => {
    store = await freshStore('sqlite')
    agency = await uniqueAgency(store, '庚市财政局')
  })
  afterAll(async () => store.drop())

  const figure = (key: string, value: number) => ({
    agency,
    year: 2025,
    key,
    value,
    source: '财务科提供',
    enteredBy: '陈敏',
  })

  it('a count is a whole number: 1.5 is refused; an amount of money may have a fraction', async () => {
    await expect(enterFigures(store, [figure('proactive.art20_8.fees.previousYear', 1.5)])).rejects.toThrow(
      /数值应为整数/,
    )
    await expect(enterFigures(store, [figure('proactive.art20_8.fees.amountWan', 3.5)])).resolves.toBe(1)
  })

  it('a figure typed as 0x10, 1e3 or -1 is refused, not read as 16, 1000 or entered', async () => {
    for (const value of ['0x10', '1e3', '-1', ' ']) {
      const entered = enterReportFigure({
        store,
        actor: systemActor('test'),
        agency,
        year: 2025,
        by: '陈敏',
        key: 'proactive.art20_8.fees.previousYear',
        value,
        source: '财务科提供',
        note: '',
      })
      await expect(entered).rejects.toBeInstanceOf(ValidationError)
      await expect(entered).rejects.toThrow(/数值应为不小于0的数字/)
    }
  })
})

describe('file names and CSV cells', () => {
  it('NUL, other control characters and right-to-left overrides are dropped from a file name', () => {
    expect(cleanFileName('\u0000报告\u202Efdp.exe')).toBe('报告fdp.exe')
    expect(cleanFileName('\t=HYPERLINK("x")\r\n.pdf')).toBe('=HYPERLINK("x").pdf')
    expect(cleanFileName(`${'长'.repeat(300)}.pdf`)).toMatch(/^长{196}\.pdf$/)
  })

  it('a file name starting with TAB and = reaches the CSV quoted out of a formula', () => {
    const csv = auditCsv([{ file: '\t=cmd|"/c calc"!A1', error: '无法读取' }])
    const cell = csv.split('\r\n')[1]?.split(',')[0] ?? ''
    expect(cell.startsWith(`"'`)).toBe(true)
    expect(
      auditCsv([{ file: ' @SUM(1)', error: 'x' }])
        .split('\r\n')[1]
        ?.startsWith(`' @SUM`),
    ).toBe(true)
  })
})
