// The real published reports of ../shared/reports (kept as found there, never copied here): every
// total the parser reads equals the hand-read INDEX.tsv, none is read wrong, at least 90 % are read,
// and tables 三 and 四 match the hand transcriptions cell by cell.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'
import type { ParsedReport } from '../../src/audit/parseReport.js'
import {
  compareWithTranscription,
  corpusPresent,
  fixtures,
  readIndex,
  readTranscription,
  REAL_FINDINGS,
  reportsDir,
} from './support.js'

const audit = (file: string) => auditReport(readFileSync(path.join(reportsDir, file), 'utf8'))

/** INDEX column → where the model holds it (table 三 total column; the 统计表's items for legacy) */
function totalRead(r: ParsedReport, column: string): { value: number | null | undefined; row: string } {
  if (r.format === 'legacy') {
    const key = {
      new_received_total: 'applications.received',
      disclosed_total: 'answers.disclosed',
      results_total: 'answers.total',
    }[column]
    return { value: key ? r.legacy?.[key] : undefined, row: key ?? column }
  }
  const a = r.applications
  const at = {
    new_received_total: ['newReceived', a?.newReceived],
    carried_over_total: ['carriedOver', a?.carriedOver],
    disclosed_total: ['results.disclosed', a?.results.disclosed],
    results_total: ['results.total', a?.results.total],
    carried_forward_total: ['carriedForward', a?.carriedForward],
  }[column] as [string, (number | null)[] | undefined]
  return { value: at[1]?.[6], row: at[0] }
}

const TOTALS = ['new_received_total', 'carried_over_total', 'disclosed_total', 'results_total', 'carried_forward_total']

describe.skipIf(!corpusPresent)('the corpus of real reports (../shared/reports)', () => {
  const index = corpusPresent ? readIndex() : []

  it('reads format and year of every report as INDEX.tsv has them', () => {
    const got = index.map((row) => {
      const r = audit(row.file!)
      return [row.file, r.format, String(r.year)]
    })
    expect(got).toEqual(index.map((row) => [row.file, row.format, row.report_year]))
  })

  it('every total read equals the INDEX, none is wrong, and at least 90 % are read', () => {
    let expected = 0
    let read = 0
    const wrong: string[] = []
    const unexplained: string[] = []
    for (const row of index) {
      const r = audit(row.file!)
      for (const column of TOTALS) {
        if (row[column] === 'n/a') continue
        expected++
        const { value, row: at } = totalRead(r, column)
        if (value === null || value === undefined) {
          if (!r.findings.some((f) => f.rule.startsWith('parse.') && (f.row === at || f.row === undefined)))
            unexplained.push(`${row.file} ${column}`)
          continue
        }
        read++
        if (value !== Number(row[column])) wrong.push(`${row.file} ${column}: read ${value}, INDEX ${row[column]}`)
      }
    }
    expect(wrong).toEqual([])
    expect(unexplained).toEqual([])
    expect(read / expected).toBeGreaterThanOrEqual(0.9)
    console.log(`INDEX totals read: ${read} of ${expected}`)
  })

  it('where INDEX says the balance holds, no applications.balance finding', () => {
    for (const row of index.filter((x) => x.balance_holds === 'yes')) {
      expect(
        audit(row.file!).findings.filter((f) => f.rule === 'applications.balance'),
        row.file,
      ).toEqual([])
    }
  })

  it('the findings beyond parse.* are exactly the real inconsistencies of each report', () => {
    for (const row of index) {
      const rules = audit(row.file!)
        .findings.filter((f) => !f.rule.startsWith('parse.'))
        .map((f) => f.rule)
      expect(rules, row.file).toEqual(REAL_FINDINGS[row.file!] ?? [])
    }
  })
})

describe.skipIf(!corpusPresent)('tables 三 and 四 against hand transcriptions', () => {
  const dir = path.join(fixtures, 'transcriptions')
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'))

  it('there are at least 12 transcribed reports of tables 三 and 四, of both formats and several page shapes', () => {
    const tables = files.filter((f) => f.endsWith('.tables.txt')).map((f) => readTranscription(path.join(dir, f)))
    expect(tables.length).toBeGreaterThanOrEqual(12)
    expect(new Set(tables.map((t) => t.format))).toEqual(new Set(['2019', '2021']))
    expect(tables.some((t) => t.file.endsWith('.html'))).toBe(true)
  })

  for (const f of files) {
    it(`${f}: every cell read equals the transcription; a cell not read is null with a parse.* finding`, () => {
      const hand = readTranscription(path.join(dir, f))
      const report = audit(hand.file)
      const { wrong, nulls, cells } = compareWithTranscription(report, hand)
      expect(wrong).toEqual([])
      const parseRows = report.findings.filter((x) => x.rule.startsWith('parse.')).map((x) => x.row)
      for (const where of nulls) {
        const row = where.startsWith('reviews') ? 'reviewsAndLawsuits' : where.replace(/\[\d+\]$/, '')
        expect(parseRows, where).toContain(row)
      }
      expect(cells).toBeGreaterThan(0)
      if (hand.file !== '004_putian_chengguan_2023.txt') expect(nulls).toEqual([])
    })
  }

  it('the collapsed text of 004 leaves null only the cells its own sums cannot place (same report as the HTML 005)', () => {
    const text = compareWithTranscription(
      audit('004_putian_chengguan_2023.txt'),
      readTranscription(path.join(dir, '004_putian_chengguan_2023.tables.txt')),
    )
    const html = compareWithTranscription(
      audit('005_putian_chengguan_2023.html'),
      readTranscription(path.join(dir, '005_putian_chengguan_2023.tables.txt')),
    )
    expect(html.nulls).toEqual([])
    // 新收, 部分公开 and 总计 print "19 0 1 0 20": the 1 may sit in any of three 法人 columns
    expect(text.nulls).toEqual([
      ...['newReceived', 'results.partiallyDisclosed', 'results.total'].flatMap((r) =>
        [2, 3, 4].map((i) => `${r}[${i}]`),
      ),
      'reviews[3]',
      'reviews[4]',
      'reviews[8]',
      'reviews[9]',
    ])
  })
})
