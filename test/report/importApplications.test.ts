import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { OUTCOMES } from '../../src/domain/application/outcomes.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { AnnualReport, ApplicationsTable, Row7 } from '../../src/domain/report/model.js'
import { importApplications } from '../../src/services/report/importApplications.js'
import { parseCsv } from '../../src/services/report/ledgerFile.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { createAgency } from '../../src/services/agencies.js'
import { describeEachEngine } from '../support/engines.js'
import { makeCreditCode } from '../support/factories.js'
import { LEDGER_EXPECTED } from './ledgerExpected.js'
import { applicantDetails } from '../../src/services/personalData/vault.js'

const TODAY = '2026-11-24' as CalendarDay
const ledger = parseCsv(readFileSync(new URL('../fixtures/ledger/ledger-2021-2023.csv', import.meta.url), 'utf8'))
const HEADER = '编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果'

function rowOf(t: ApplicationsTable, code: string): Row7 {
  let node: unknown = t.results
  for (const p of code.split('.')) node = (node as Record<string, unknown>)[p]
  return node as Row7
}

/** The generated report's table 三 is the one counted by hand from the ledger, and the checker finds nothing. */
function expectTable(year: string, model: AnnualReport, expected: (typeof LEDGER_EXPECTED)[number]): void {
  const t = model.applications as ApplicationsTable
  expect([year, t.newReceived, t.carriedOver, t.carriedForward]).toEqual([
    year,
    expected.newReceived,
    expected.carriedOver,
    expected.carriedForward,
  ])
  for (const o of OUTCOMES)
    expect([year, o.label, rowOf(t, o.code)]).toEqual([
      year,
      o.label,
      expected.results[o.label] ?? [0, 0, 0, 0, 0, 0, 0],
    ])
  expect(model.findings).toEqual([])
}

describeEachEngine('importing a 依申请公开台账', (get) => {
  let code = ''
  const count = async () =>
    Number(
      (
        await get()
          .db.selectFrom('applications')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('a ledger of 300 cases over 2021–2023 gives each year’s table 三 as counted by hand from the file', async () => {
    code = makeCreditCode(9001)
    await createAgency(get(), { name: '台账测试局', code })
    const result = await importApplications(get(), { agencyCode: code, rows: ledger, today: TODAY })
    expect(result).toEqual({ errors: [], warnings: [], created: 300, unchanged: 0 })
    for (const [year, expected] of Object.entries(LEDGER_EXPECTED)) {
      const model = await generateReport(get(), { agency: code, year: Number(year), format: '2021' })
      expectTable(year, model, expected)
    }
  })

  it('importing the same file again changes nothing (编号 is the key)', async () => {
    const before = await count()
    const result = await importApplications(get(), { agencyCode: code, rows: ledger, today: TODAY })
    expect(result).toEqual({ errors: [], warnings: [], created: 0, unchanged: 300 })
    expect(await count()).toBe(before)
  })

  it('bad rows are all reported with row and column, and nothing of the file is imported', async () => {
    const before = await count()
    const rows = parseCsv(
      [
        HEADER,
        'B-1,2022-02-30,网络,自然人,张三,请公开甲,2022-03-10,予以公开',
        'B-2,2022-03-01,网络,自然人,李四,请公开乙,2022-03-10,同意公开',
        'B-3,2022-03-05,信函,商业企业,某公司,请公开丙,2022-03-01,予以公开',
        'B-4,2022-03-05,快递,自然人,王五,请公开丁,,',
        'B-5,2022-03-06,网络,自然人,赵六,请公开戊,,',
      ].join('\n'),
    )
    const result = await importApplications(get(), { agencyCode: code, rows, today: TODAY })
    expect(result.created).toBe(0)
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '收到日期'],
      [3, '办理结果'],
      [4, '答复日期'],
      [5, '申请方式'],
    ])
    expect(result.errors[0]?.message).toContain('2022-02-30')
    expect(result.errors[1]?.message).toContain('同意公开')
    expect(result.errors[2]?.message).toBe('答复日期（2022-03-01）早于收到日期（2022-03-05）')
    expect(await count()).toBe(before)
  })

  it('a wrong header is refused by name', async () => {
    const result = await importApplications(get(), {
      agencyCode: code,
      rows: parseCsv('编号,收到时间,申请方式\nX,2022-01-01,网络'),
      today: TODAY,
    })
    expect(result.errors.map((e) => e.message)).toContain(
      '无法识别的列「收到时间」（可选列：补正告知日期,补正完成日期,延期告知日期）',
    )
    expect(result.errors.some((e) => e.message.startsWith('缺少必填列「收到日期」'))).toBe(true)
  })

  it('an office’s ledger with only the eight required columns imports: 逾期不补正 rows without a notice date are warnings, the tables are exact', async () => {
    const basic = basicLedger()
    const lapsed = basic.filter((r) => r[7] === NO_SUPPLEMENT).length
    expect(lapsed).toBeGreaterThan(0)
    const basicCode = makeCreditCode(9002)
    await createAgency(get(), { name: '八列台账测试局', code: basicCode })
    const first = await importApplications(get(), { agencyCode: basicCode, rows: basic, today: TODAY })
    expect([first.errors, first.created, first.unchanged]).toEqual([[], 300, 0])
    expect(first.warnings).toHaveLength(lapsed)
    expect(first.warnings[0]).toMatchObject({ column: '补正告知日期' })
    expect(first.warnings[0]?.message).toContain('未填写补正告知日期')
    let notes = 0
    for (const [year, expected] of Object.entries(LEDGER_EXPECTED)) {
      const model = await generateReport(get(), { agency: basicCode, year: Number(year), format: '2021' })
      expectTable(year, model, expected)
      const lapsedInYear = expected.results[NO_SUPPLEMENT]?.[6] ?? 0
      expect(model.dataNotes?.map((n) => [n.rule, n.count]) ?? []).toEqual(
        lapsedInYear ? [['data.importWarnings', lapsedInYear]] : [],
      )
      notes += lapsedInYear
    }
    expect(notes).toBe(lapsed)
    const again = await importApplications(get(), { agencyCode: basicCode, rows: basic, today: TODAY })
    expect([again.errors, again.created, again.unchanged, again.warnings]).toEqual([[], 0, 300, first.warnings])
  })

  it('the case keeps the warning, and its history says the notice date is the day of receipt', async () => {
    const row = basicLedger().find((r) => r[7] === NO_SUPPLEMENT)!
    const c = await get()
      .db.selectFrom('applications as a')
      .innerJoin('agencies as g', 'g.id', 'a.agency_id')
      .select(['a.id', 'a.applicant', 'a.outcome'])
      .where('g.code', '=', makeCreditCode(9002))
      .where('a.ref', '=', row[0]!)
      .executeTakeFirstOrThrow()
    expect(c.outcome).toBe('other.noSupplement')
    expect((await applicantDetails(get().db, c)).importWarnings).toEqual([
      '办理结果为逾期不补正，但未填写补正告知日期：补正告知按收到日期记录，补正期限无法核对',
    ])
    const notice = await get()
      .db.selectFrom('application_events')
      .select('data')
      .where('application_id', '=', Number(c.id))
      .where('kind', '=', 'supplementRequested')
      .executeTakeFirstOrThrow()
    const data = JSON.parse(notice.data) as { on: string; request: string }
    expect([data.on, data.request]).toEqual([row[1], '（台账导入：未填写补正告知日期，按收到日期记录）'])
  })

  it('dates as offices write them are read (2023/5/8, 2023.5.8, 2023年5月8日, an Excel serial), and 办理结果 with its punctuation varied; a date that reads two ways is a row error', async () => {
    const datesCode = makeCreditCode(9003)
    await createAgency(get(), { name: '日期测试局', code: datesCode })
    const rows = parseCsv(
      [
        HEADER,
        'D-1,2023/5/8,网络,自然人,甲,请公开甲,2023/5/20,予以公开',
        'D-2,2023.5.8,网络,自然人,乙,请公开乙,2023.05.20,予以公开',
        'D-3,2023年5月8日,网络,自然人,丙,请公开丙,2023年5月20日,予以公开',
        'D-4,45054,网络,自然人,丁,请公开丁,45066,予以公开',
        // 办理结果 as some offices print it: ， for 、, straight quotes
        'D-6,2023-05-08,网络,自然人,己,请公开己,2023-05-20,申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
        'D-7,2023-05-08,网络,自然人,庚,请公开庚,2023-05-20,"危及""三安全一稳定"""',
      ].join('\n'),
    )
    const ok = await importApplications(get(), { agencyCode: datesCode, rows, today: TODAY })
    expect([ok.errors, ok.created]).toEqual([[], 6])
    const days = await get()
      .db.selectFrom('applications')
      .select(['ref', 'received_on', 'concluded_on', 'outcome'])
      .where('ref', 'like', 'D-%')
      .orderBy('ref')
      .execute()
    expect(days.map((d) => [d.ref, d.received_on, d.concluded_on])).toEqual(
      ['D-1', 'D-2', 'D-3', 'D-4', 'D-6', 'D-7'].map((ref) => [ref, '2023-05-08', '2023-05-20']),
    )
    expect(days.slice(4).map((d) => d.outcome)).toEqual(['other.noSupplement', 'withheld.securityStability'])
    const bad = await importApplications(get(), {
      agencyCode: datesCode,
      rows: parseCsv(`${HEADER}\nD-5,5/8/2023,网络,自然人,戊,请公开戊,,`),
      today: TODAY,
    })
    expect(bad.created).toBe(0)
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([[2, '收到日期']])
    expect(bad.errors[0]?.message).toContain('5/8/2023')
  })
})

const NO_SUPPLEMENT = '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'

/** The fixture ledger as an office keeps it: the eight required columns only. */
function basicLedger(): string[][] {
  return ledger.map((r) => r.slice(0, 8))
}
