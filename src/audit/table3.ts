// Table 三 (收到和处理政府信息公开申请情况) of the 2019 and 2021 formats, read from segments.
import type { ApplicationsTable, Finding, Row7 } from '../domain/report/model.js'
import { printsEqualNeighbours, rowReadings } from './expand.js'
import { labelTail, latestMatch, type Segment } from './segments.js'
import { detachedRows } from './table3Detached.js'
import { N, TABLE3_ROWS, tableOf } from './table3Rows.js'
import { tableFormat } from '../domain/report/formats/index.js'
import { moveTotalColumnLast, resolveAmbiguous } from './table3Solve.js'

const rowHolds = (cells: number[]) => cells[6] === cells.slice(0, 6).reduce((a, b) => a + b, 0)

export interface Table3Result {
  table: ApplicationsTable
  shape: '2021' | '2019' | undefined
  findings: Finding[]
  /** whether the page may have collapsed equal neighbouring cells (it prints none in table 三) */
  collapses: boolean
  /** whether the page runs a row's cells together (a page body on one line, or a value printed "0000000") */
  runsTogether: boolean
  /** segment index where the table starts, and after its end */
  start: number
  end: number
}

// the heading with its section number, or followed by the table's own first words (not the same words in a sentence)
const HEADING =
  /(?<=[一二三四五六七]、)收到和处理政府信息公开申请(?:的)?情况[。.]?|收到和处理政府信息公开申请(?:的)?情况[。.]?(?=\(本列|申请人情况|自然人|一、|$)/

/**
 * Where table 三 starts: its section heading followed by the table (not the same words in a
 * paragraph), or else the row 本年新收 with values followed by 上年结转. Returns the segment and the
 * label offset where the table's own text begins.
 */
function findStart(segs: Segment[]): { index: number; offset: number } | undefined {
  for (let i = 0; i < segs.length; i++) {
    const m = HEADING.exec(segs[i]!.label)
    if (!m) continue
    const after = [segs[i]!.label.slice(m.index), ...segs.slice(i + 1, i + 3).map((s) => s.label)].join('')
    if (TABLE3_ROWS.some((r) => new RegExp(r.pattern.source).test(after)))
      return { index: i, offset: m.index + m[0].length }
  }
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!
    const at = s.label.lastIndexOf('本年新收')
    if (at < 0 || s.values.length === 0) continue
    const window = segs
      .slice(i + 1, i + 4)
      .map((x) => x.label)
      .join('')
    if (/上年结转/.test(window)) return { index: i, offset: at }
  }
  return undefined
}

/** Reads table 三 from the segments, or undefined where the page has none. */
export function readTable3(segs: Segment[], yearHint?: number): Table3Result | undefined {
  const found0 = findStart(segs)
  if (!found0) return undefined
  const start = found0.index
  const found = new Map<string, { values: (string | null)[]; line: number; run?: boolean }>()
  let end = segs.length
  const detachedFindings: Finding[] = []
  // table 三 has 25 rows; explanatory rows and page furniture add a few segments, never hundreds
  const last = Math.min(segs.length, start + 300)
  for (let i = start; i < last; i++) {
    const s = segs[i]!
    if (
      i > start &&
      /^[四五六七][、.]|行政复议.*行政诉讼|存在的主要问题/.test(s.label) &&
      !/结转下年度/.test(s.label)
    ) {
      end = i
      break
    }
    const own = i === start ? s.label.slice(found0.offset) : s.label
    const detached = s.values.length > 0 ? detachedRows(own, s.values) : undefined
    if (detached) {
      for (const r of detached.rows) found.set(r.path, { values: r.values, line: s.line, run: s.run })
      detachedFindings.push(...detached.findings)
      end = i + 1
      break
    }
    const label = labelTail(own)
    const row = latestMatch(
      label,
      TABLE3_ROWS.filter((r) => !found.has(r.path)),
    )
    if (row && s.values.length > 0) found.set(row.path, { values: s.values, line: s.line, run: s.run })
    if (row?.path === 'carriedForward') {
      end = i + 1
      break
    }
  }
  // the (六) rows tell the format; without them, the year does (2019 format for 2019–2020 reports)
  const shape: '2021' | '2019' | undefined =
    found.has('results.other.noSupplement') || found.has('results.other.unpaidFee')
      ? '2021'
      : found.has('results.other.other')
        ? '2019'
        : yearHint === undefined
          ? undefined
          : yearHint < 2021
            ? '2019'
            : '2021'
  const findings: Finding[] = [...detachedFindings]
  const rows = new Map<string, Row7>()
  const ambiguous: { path: string; readings: number[][] }[] = []
  // a table printed without its 总计 column: six values a row, the total left null (never computed)
  const header = segs[start]!.label.slice(0, Math.max(found0.offset, segs[start]!.label.indexOf('本年新收')))
  const noTotal = /自然人/.test(header) && !/总计|合计/.test(header)
  if (noTotal) {
    findings.push({
      rule: 'parse.columnMissing',
      column: 'total',
      message: '表三没有“总计”列，总计列按空值处理（不以各列之和代替）',
    })
  }
  if (!noTotal) moveTotalColumnLast(found)
  // no count is printed with a leading zero: such a value is cells run together, as is any number of a page
  // body saved on one line; that page collapses nothing
  const runsTogether = [...found.values()].some((r) => r.run || r.values.some((v) => v !== null && /^0\d/.test(v)))
  const collapses = !runsTogether && !printsEqualNeighbours([...found.values()].map((r) => r.values))
  for (const def of TABLE3_ROWS) {
    if (
      shape !== undefined &&
      tableFormat(shape).foldsOtherResults &&
      (def.path === 'results.other.noSupplement' || def.path === 'results.other.unpaidFee')
    )
      continue
    const got = found.get(def.path)
    if (!got) {
      findings.push({ rule: 'parse.rowMissing', row: def.path, message: `表三未找到“${def.name}”行，该行按空值处理` })
      continue
    }
    if (got.values.includes(null)) {
      if (got.values.length === N)
        rows.set(
          def.path,
          got.values.map((v) => (v === null ? null : Number(v))),
        )
      else rows.set(def.path, Array<null>(N).fill(null))
      findings.push({
        rule: 'parse.unreadableCell',
        row: def.path,
        message: `表三“${def.name}”行有无法识别为整数的单元格，按空值处理`,
      })
      continue
    }
    const digits = got.values as string[]
    if (noTotal) {
      const six = digits.length === N - 1
      rows.set(def.path, six ? [...digits.map(Number), null] : Array<null>(N).fill(null))
      if (!six) {
        findings.push({
          rule: 'parse.collapsedCells',
          row: def.path,
          message: `表三“${def.name}”行读到${digits.length}个数（${digits.join(' ')}），应为6个，该行按空值处理`,
        })
      }
      continue
    }
    const readings = rowReadings(digits, N, rowHolds, collapses)
    if (readings.length === 1) rows.set(def.path, readings[0]!)
    else if (readings.length === 0) {
      rows.set(def.path, Array<null>(N).fill(null))
      findings.push({
        rule: digits.length > N ? 'parse.extraCells' : 'parse.collapsedCells',
        row: def.path,
        message: `表三“${def.name}”行读到${digits.length}个数（${digits.join(' ')}），应为${N}个，且没有与本行合计一致的还原方式，该行按空值处理`,
      })
    } else ambiguous.push({ path: def.path, readings })
  }
  resolveAmbiguous(rows, ambiguous, shape, findings)
  return { table: tableOf(rows, shape), shape, findings, collapses, runsTogether, start, end }
}
