import { LEGACY_ITEMS } from './formats/legacy.js'
import { formatDef } from './formats/index.js'
import { TABLE3_COLUMNS, TABLE4_KINDS, TABLE4_RESULTS } from './formats/table3.js'
import type { AnnualReport, ReportFormat } from './model.js'

export interface CellChange {
  /** dotted path of the cell in the model (applications.results.disclosed.6, legacy.types.4 …) */
  path: string
  /** the cell as staff read it on the form: table, row and column labels */
  label: string
  published: number | null
  current: number | null
}

function flatten(node: unknown, prefix: string, out: Map<string, number | null>): void {
  if (node === null || typeof node === 'number') {
    out.set(prefix, node)
    return
  }
  if (Array.isArray(node)) node.forEach((v, i) => flatten(v, `${prefix}.${i}`, out))
  else if (typeof node === 'object')
    for (const [k, v] of Object.entries(node ?? {})) flatten(v, prefix ? `${prefix}.${k}` : k, out)
}

const TABLES = ['proactive', 'applications', 'reviewsAndLawsuits', 'legacy', 'fees'] as const

const FEE_LABELS: Record<string, string> = {
  noticesSent: '发出收费通知件数',
  amountNoticedYuan: '收费通知金额（元）',
  amountCollectedYuan: '实际收取信息处理费（元）',
}

const labelOf = (list: readonly { key: string; label: string }[], key: string | undefined) =>
  list.find((x) => x.key === key)?.label

/** The labels of a model cell, as the form prints them (表三 本年新收 · 商业企业); the path where none fits. */
export function cellLabel(format: ReportFormat, path: string): string {
  const [table, ...rest] = path.split('.')
  const join = (...parts: (string | undefined)[]) => (parts.every(Boolean) ? parts.join(' · ') : path)
  if (table === 'legacy') return join('统计表', LEGACY_ITEMS.find((i) => i.key === rest.join('.'))?.label)
  if (table === 'fees') return join('信息处理费', FEE_LABELS[rest[0] ?? ''])
  if (table === 'reviewsAndLawsuits') {
    const kind = TABLE4_KINDS.find((k) => k.key === rest[0])
    const kindLabel = kind ? (kind.group ? `${kind.group}（${kind.label}）` : kind.label) : undefined
    return join('表四', kindLabel, labelOf(TABLE4_RESULTS, rest[1]))
  }
  const form = formatDef(format).table
  if (!form) return path
  if (table === 'applications') {
    const column = TABLE3_COLUMNS[Number(rest[rest.length - 1])]?.label
    const row = form.applicationRows.find((r) => r.path === rest.slice(0, -1).join('.'))
    return join('表三', row && (row.subgroup ? `${row.subgroup}${row.label}` : row.label), column)
  }
  if (table === 'proactive') {
    const block = form.proactive.find((b) => b.key === rest[0])
    return join('表二', block?.header, block && labelOf(block.rows, rest[1]), block && labelOf(block.columns, rest[2]))
  }
  return path
}

/** Every table cell whose number differs between a published report and a fresh computation. */
export function diffReports(published: AnnualReport, current: AnnualReport): CellChange[] {
  const a = new Map<string, number | null>()
  const b = new Map<string, number | null>()
  for (const t of TABLES) {
    flatten(published[t], t, a)
    flatten(current[t], t, b)
  }
  const paths = [...new Set([...a.keys(), ...b.keys()])]
  return paths
    .filter((p) => (a.get(p) ?? null) !== (b.get(p) ?? null))
    .map((p) => ({
      path: p,
      label: cellLabel(current.format, p),
      published: a.get(p) ?? null,
      current: b.get(p) ?? null,
    }))
}
