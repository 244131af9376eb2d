// Table 二 (主动公开政府信息情况): the blocks 第二十条第（X）项 of the format, read by the format's own
// block and row definitions (src/domain/report/formats), so the 2019 and 2021 layouts need no code here.
import { tableFormat } from '../domain/report/formats/index.js'
import type { ProactiveBlockDef } from '../domain/report/formats/types.js'
import type { Cell, Finding } from '../domain/report/model.js'
import { agreed, collapseExpansions, digitSplits } from './expand.js'
import { normLabel } from './normalize.js'
import type { Segment } from './segments.js'

type Proactive = Record<string, Record<string, Record<string, Cell>>>

/** Amount columns (万元, 元) and changes (增/减) are read as printed, decimals and signs included. */
const isAmount = (column: string) => /Wan$|Yuan$/.test(column)
const isChange = (column: string) => column === 'change'

function cellOf(raw: string, column: string): Cell {
  const t = raw.replace(/−/g, '-')
  if (/^\d+$/.test(t)) return Number(t)
  if (isAmount(column) && /^\d+(?:\.\d+)?$/.test(t)) return Number(t)
  if (isChange(column) && /^[+-]?\d+$/.test(t)) return Number(t)
  return null
}

function blockStart(segs: Segment[], from: number, to: number, block: ProactiveBlockDef): number {
  const header = normLabel(block.header)
  for (let i = from; i < to; i++) if (segs[i]!.label.includes(header)) return i
  return -1
}

/** Column words of table 二's first block that only one format prints (第二十条第（一）项, and 2019's 采购 block). */
const FORMAT_WORDS: readonly { format: '2019' | '2021'; pattern: RegExp }[] = [
  { format: '2021', pattern: /制发件数|废止件数|现行有效件数/ },
  { format: '2019', pattern: /新制作数量|新公开数量|对外公开总数量|采购项目数量/ },
]

/** The format table 二 is printed in, by its own column words (before segment `end`); undefined when it shows none. */
export function table2Format(segs: Segment[], end: number): '2019' | '2021' | undefined {
  for (const s of segs.slice(0, end)) {
    const hit = FORMAT_WORDS.find((w) => w.pattern.test(s.label))
    if (hit) return hit.format
  }
  return undefined
}

/** Reads table 二 between the section heading and table 三; undefined when the page has none. */
export function readTable2(
  segs: Segment[],
  format: '2019' | '2021',
  end: number,
  collapses = true,
  runsTogether = false,
): { proactive: Proactive; findings: Finding[] } | undefined {
  const blocks = tableFormat(format).proactive
  const starts = blocks.map((b) => blockStart(segs, 0, end, b))
  if (starts.every((s) => s < 0)) return undefined
  const proactive: Proactive = {}
  const findings: Finding[] = []
  blocks.forEach((block, bi) => {
    const start = starts[bi]!
    const name = normLabel(block.header)
    if (start < 0) {
      findings.push({ rule: 'parse.tableMissing', row: `proactive.${block.key}`, message: `表二未找到“${name}”` })
      return
    }
    const next = starts.slice(bi + 1).find((s) => s > start) ?? end
    const out: Record<string, Record<string, Cell>> = {}
    for (const row of block.rows) {
      const label = normLabel(row.label)
      // the row's own label ends the label text before its values (规范性文件 vs 行政规范性文件 by exact end)
      const seg = segs
        .slice(start, next)
        .find((s) => s.values.length > 0 && (s.label.endsWith(label) || s.label.endsWith(`${label}"`)))
      const n = block.columns.length
      const cells: Record<string, Cell> = Object.fromEntries(block.columns.map((c) => [c.key, null]))
      out[row.key] = cells
      if (!seg) {
        findings.push({
          rule: 'parse.rowMissing',
          row: `proactive.${block.key}.${row.key}`,
          message: `表二“${name}”未找到“${row.label}”行，按空值处理`,
        })
        continue
      }
      let values: Cell[]
      if (seg.raw.length === n) values = seg.raw.map((r, i) => cellOf(r, block.columns[i]!.key))
      else if (seg.raw.length < n && seg.values.every((v) => v !== null)) {
        // a collapsed row, or digits run together: only what every reading agrees on (no sums tie these cells
        // together). Digits are cut only on a page that runs cells together, and a page that keeps equal
        // neighbours has no collapsed rows.
        const digits = seg.values as string[]
        const readings = runsTogether
          ? digitSplits(digits, n)
          : collapses
            ? collapseExpansions(digits.map(Number), n)
            : []
        values = agreed(readings, n)
      } else values = Array<Cell>(n).fill(null)
      block.columns.forEach((c, i) => (cells[c.key] = values[i] ?? null))
      if (values.some((v) => v === null)) {
        findings.push({
          rule:
            seg.raw.length === n
              ? 'parse.unreadableCell'
              : seg.raw.length > n
                ? 'parse.extraCells'
                : 'parse.ambiguousCells',
          row: `proactive.${block.key}.${row.key}`,
          message: `表二“${name}”的“${row.label}”行读到${seg.raw.length}个值（${seg.raw.join(' ')}），应为${n}个，无法确定的单元格按空值处理`,
        })
      }
    }
    proactive[block.key] = out
  })
  return { proactive, findings }
}
