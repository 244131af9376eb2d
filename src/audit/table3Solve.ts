// Choosing among the readings of rows printed with fewer values than columns, by the table's own sums.
import { checkReport } from '../domain/report/check.js'
import type { AnnualReport, ApplicationsTable, Finding, Row7 } from '../domain/report/model.js'
import { agreed } from './expand.js'
import { N, TABLE3_ROWS, tableOf } from './table3Rows.js'

/** Whether the per-column identities of table 三 hold (the checker's own rules: one place computes them). */
function columnsHold(t: ApplicationsTable): boolean {
  const report: AnnualReport = { format: '2021', year: 0, agency: { name: '' }, applications: t, findings: [] }
  return checkReport(report).every((f) => f.rule !== 'applications.balance' && f.rule !== 'applications.resultsTotal')
}

const MAX_COMBINATIONS = 20000

/**
 * A text table whose 总计 column is printed elsewhere than last: the column that is the sum of the other
 * six in every full row (and in at least two rows that are not all zero), when it is the only such column.
 */
export function moveTotalColumnLast(found: Map<string, { values: (string | null)[] }>): void {
  const full = [...found.values()]
    .map((r) => r.values)
    .filter((v): v is string[] => v.length === N && !v.includes(null))
  const rowsOf = full.map((v) => v.map(Number)).filter((v) => v.some((x) => x !== 0))
  if (rowsOf.length < 2) return
  const sumAt = (p: number) => rowsOf.every((v) => v[p]! * 2 === v.reduce((a, b) => a + b, 0))
  const fits = [0, 1, 2, 3, 4, 5, 6].filter(sumAt)
  if (fits.length !== 1 || fits[0] === N - 1) return
  const p = fits[0]!
  for (const r of found.values()) {
    if (r.values.length === N) r.values = [...r.values.slice(0, p), ...r.values.slice(p + 1), r.values[p]!]
  }
}

/** Chooses among several readings of collapsed rows with the table's column sums; cells that still differ are null. */
export function resolveAmbiguous(
  rows: Map<string, Row7>,
  ambiguous: { path: string; readings: number[][] }[],
  shape: '2021' | '2019' | undefined,
  findings: Finding[],
): void {
  if (ambiguous.length === 0) return
  const combos = ambiguous.reduce((a, r) => a * r.readings.length, 1)
  const consistent: number[][][] = []
  if (combos <= MAX_COMBINATIONS) {
    const pick: number[][] = []
    const rec = (i: number) => {
      if (i === ambiguous.length) {
        const trial = new Map(rows)
        ambiguous.forEach((a, j) => trial.set(a.path, pick[j]!))
        if (columnsHold(tableOf(trial, shape))) consistent.push([...pick])
        return
      }
      for (const r of ambiguous[i]!.readings) {
        pick[i] = r
        rec(i + 1)
      }
    }
    rec(0)
    if (consistent.length === 0) {
      // the sums cannot decide, and the table cannot be checked column by column: say so rather than stay silent
      findings.push({
        rule: 'parse.noConsistentReading',
        message: `表三有${ambiguous.length}行的数少于列数，且没有任何还原方式能使各列合计一致：可能有单元格丢失，或表格本身有误`,
      })
    }
  }
  ambiguous.forEach((a, j) => {
    const readings = consistent.length > 0 ? consistent.map((c) => c[j]!) : a.readings
    const cells = agreed(readings, N)
    rows.set(a.path, cells)
    if (cells.includes(null)) {
      const name = TABLE3_ROWS.find((r) => r.path === a.path)?.name ?? a.path
      findings.push({
        rule: 'parse.ambiguousCells',
        row: a.path,
        message: `表三“${name}”行的数少于列数，按表内合计有${readings.length}种还原方式，无法确定的单元格按空值处理`,
      })
    }
  })
}
