// Table 四 (政府信息公开行政复议、行政诉讼情况): 15 cells in one row, three blocks of
// 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计 (行政复议, 未经复议直接起诉, 复议后起诉).
import type { Finding, ReviewCounts, ReviewsAndLawsuits } from '../domain/report/model.js'
import { agreed, rowReadings } from './expand.js'
import type { Segment } from './segments.js'

const N = 15
const HEADER_WORDS =
  /行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉|[\s()（）、.,:：-]/g
const KNOWN_CHARS = new Set('行政复议诉讼结果维持纠正其他尚未审结总计经直接起后'.split(''))

/** header text of table 四 only (its words, possibly one character per line) */
function isHeaderText(label: string): boolean {
  const rest = label.replace(HEADER_WORDS, '')
  return [...rest].every((ch) => KNOWN_CHARS.has(ch)) || rest.length <= 2
}

const blocksHold = (c: number[]) => [0, 5, 10].every((b) => c[b + 4] === c[b]! + c[b + 1]! + c[b + 2]! + c[b + 3]!)

function counts(cells: (number | null)[], b: number): ReviewCounts {
  return {
    upheld: cells[b] ?? null,
    corrected: cells[b + 1] ?? null,
    other: cells[b + 2] ?? null,
    pending: cells[b + 3] ?? null,
    total: cells[b + 4] ?? null,
  }
}

export function readTable4(
  segs: Segment[],
  from: number,
  collapses = true,
): { reviews: ReviewsAndLawsuits; findings: Finding[] } | undefined {
  let start = -1
  for (let i = from; i < segs.length; i++) {
    const l = segs[i]!.label
    if (/结果维持|尚未审结/.test(l) || (/行政复议/.test(l) && /行政诉讼情况/.test(l))) {
      start = i
      break
    }
  }
  if (start < 0) return undefined
  const values: (string | null)[] = []
  for (let i = start; i < segs.length && values.length < N; i++) {
    const s = segs[i]!
    const label = i === start ? s.label.slice(s.label.search(/行政复议|行政诉讼|结果维持/)) : s.label
    if (i > start && !isHeaderText(label)) break
    values.push(...s.values)
  }
  const findings: Finding[] = []
  let cells: (number | null)[]
  if (values.length === N) cells = values.map((v) => (v === null ? null : Number(v)))
  else if (values.includes(null) || values.length === 0) {
    cells = Array<null>(N).fill(null)
    findings.push({
      rule: 'parse.rowMissing',
      row: 'reviewsAndLawsuits',
      message: `表四读到${values.length}个值（应为15个），按空值处理`,
    })
  } else {
    const readings = rowReadings(values as string[], N, blocksHold, collapses)
    cells = agreed(readings, N)
    if (cells.includes(null)) {
      findings.push({
        rule:
          values.length > N
            ? 'parse.extraCells'
            : readings.length === 0
              ? 'parse.collapsedCells'
              : 'parse.ambiguousCells',
        row: 'reviewsAndLawsuits',
        message:
          readings.length === 0
            ? `表四读到${values.length}个数（${values.join(' ')}），应为15个，且没有与各总计一致的还原方式，按空值处理`
            : `表四读到${values.length}个数（${values.join(' ')}），应为15个；按各总计有${readings.length}种还原方式，无法确定的单元格按空值处理`,
      })
    }
  }
  return {
    reviews: { review: counts(cells, 0), lawsuitDirect: counts(cells, 5), lawsuitAfterReview: counts(cells, 10) },
    findings,
  }
}
