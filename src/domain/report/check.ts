// 勾稽关系: the identities an annual report's tables must satisfy (spec/report-model.md, rule ids there).
// Every identity is data: a rule id, a place, and two sides of named cells that must have equal sums.
// A null cell (blank or unreadable in a published report) makes its identity unknown: it is skipped,
// never guessed. Findings name the cells that disagree and by how much, in Chinese.
import { OUTCOMES } from '../application/outcomes.js'
import {
  APPLICATION_COLUMNS,
  type AnnualReport,
  type ApplicationsTable,
  type Cell,
  type Finding,
  type Row7,
} from './model.js'
import { legacyIdentities } from './legacyChecks.js'
import { TABLE3_COLUMNS, TABLE3_ROWS_2021, TABLE4_KINDS, TABLE4_RESULTS } from './formats/table3.js'

/** A named cell; `undefined` value = the row does not exist in this report's format. */
interface Term {
  label: string
  value: Cell | undefined
}

/** left side sums must equal right side sums */
export interface Identity {
  rule: string
  column?: string
  row?: string
  where: string
  left: Term[]
  right: Term[]
}

/** Table 三's columns as a finding names them (the format's labels, the 其他 column qualified). */
export const COLUMN_LABELS: Record<string, string> = Object.fromEntries(
  TABLE3_COLUMNS.map((c) => [c.key, 'fullLabel' in c ? c.fullLabel : c.label]),
)

const OUTCOME_ROW_LABELS = new Map<string, string>(
  // （一）予以公开 is a group and its own row; （六）其他处理 in the 2019 format likewise
  OUTCOMES.map((o) => [`results.${o.code}`, o.group.includes(o.label) ? o.group : `${o.group}${o.label}`]),
)

/** Rows of table 三 (all the 2021 form's rows) as [path, label]: the format's short label, else the outcome's. */
export const APPLICATION_ROWS: readonly (readonly [string, string])[] = TABLE3_ROWS_2021.map((r) => [
  r.path,
  r.short ?? OUTCOME_ROW_LABELS.get(r.path) ?? r.label,
])

const RESULT_SUB_ROWS: readonly string[] = OUTCOMES.map((o) => `results.${o.code}`)

// the auditor checks many trial readings of a table: split each path once, not on every lookup
const PATH_PARTS = new Map<string, string[]>()
function pathParts(path: string): string[] {
  let parts = PATH_PARTS.get(path)
  if (!parts) PATH_PARTS.set(path, (parts = path.split('.')))
  return parts
}

/** The row of table 三 at a dotted path, or undefined where the format has no such row. */
export function applicationRow(table: ApplicationsTable, path: string): Row7 | undefined {
  let node: unknown = table
  for (const part of pathParts(path)) {
    if (node === null || typeof node !== 'object') return undefined
    node = Reflect.get(node, part)
  }
  return Array.isArray(node) ? node : undefined
}

const ROW_LABELS = new Map(APPLICATION_ROWS)
const label = (path: string) => ROW_LABELS.get(path) ?? path
const CHECKED_COLUMN_INDEX = APPLICATION_COLUMNS.map((_, i) => i)

function applicationIdentities(t: ApplicationsTable): Identity[] {
  const cell = (path: string, c: number): Term => ({ label: label(path), value: applicationRow(t, path)?.[c] })
  const out: Identity[] = []
  for (const c of CHECKED_COLUMN_INDEX) {
    const column = APPLICATION_COLUMNS[c]
    const where = `${column ? COLUMN_LABELS[column] : ''}列`
    out.push({
      rule: 'applications.balance',
      column,
      where,
      left: [cell('newReceived', c), cell('carriedOver', c)],
      right: [cell('results.total', c), cell('carriedForward', c)],
    })
    out.push({
      rule: 'applications.resultsTotal',
      column,
      row: 'results.total',
      where,
      left: [cell('results.total', c)],
      right: RESULT_SUB_ROWS.map((p) => cell(p, c)),
    })
  }
  for (const [path, rowLabel] of APPLICATION_ROWS) {
    const row = applicationRow(t, path)
    if (!row) continue
    out.push({
      rule: 'applications.columnsTotal',
      row: path,
      column: 'total',
      where: `${rowLabel}行`,
      left: [{ label: '总计', value: row[6] }],
      right: [0, 1, 2, 3, 4, 5].map((i) => ({
        label: COLUMN_LABELS[APPLICATION_COLUMNS[i] ?? ''] ?? '',
        value: row[i],
      })),
    })
  }
  return out
}

const RESULT_PARTS = TABLE4_RESULTS.filter((x) => x.key !== 'total')
const RESULT_TOTAL = TABLE4_RESULTS.find((x) => x.key === 'total')?.label ?? '总计'

function reviewIdentities(r: NonNullable<AnnualReport['reviewsAndLawsuits']>): Identity[] {
  return TABLE4_KINDS.map((kind) => {
    const k = r[kind.key]
    return {
      rule: 'reviews.total',
      row: kind.key,
      where: kind.group ? `${kind.group}（${kind.label}）` : kind.label,
      left: [{ label: RESULT_TOTAL, value: k.total }],
      right: RESULT_PARTS.map((x) => ({ label: x.label, value: k[x.key] })),
    }
  })
}

function sum(terms: Term[]): number | null {
  let s = 0
  for (const t of terms) {
    if (t.value === null || t.value === undefined) return null
    s += t.value
  }
  return s
}

function describe(terms: Term[]): string {
  if (terms.length <= 4) return terms.map((t) => `${t.label}(${t.value})`).join('+')
  const nonZero = terms.filter((t) => t.value !== 0)
  const shown = nonZero.map((t) => `${t.label}(${t.value})`).join('+')
  return `各分项之和（${shown || '全为0'}）`
}

function side(terms: Term[], total: number): string {
  return terms.length === 1 ? `${terms[0]!.label}为${total}` : `${describe(terms)}=${total}` // one term: length checked
}

function evaluate(id: Identity): Finding | undefined {
  const present = (ts: Term[]) => ts.filter((t) => t.value !== undefined)
  const left = present(id.left)
  const right = present(id.right)
  if (left.length === 0 || right.length === 0) return undefined
  const l = sum(left)
  const r = sum(right)
  if (l === null || r === null || l === r) return undefined
  const diff = Math.abs(l - r)
  const f: Finding = {
    rule: id.rule,
    expected: l,
    actual: r,
    message: `${id.where}：${side(left, l)}，但${side(right, r)}，相差${diff}`,
  }
  if (id.column) f.column = id.column
  if (id.row) f.row = id.row
  return f
}

/**
 * The findings of every identity the report's format defines, in table order.
 * @example checkReport(model).map((f) => f.rule) // ['applications.balance']
 */
export function checkReport(model: AnnualReport): Finding[] {
  const ids: Identity[] = []
  if (model.applications) ids.push(...applicationIdentities(model.applications))
  if (model.reviewsAndLawsuits) ids.push(...reviewIdentities(model.reviewsAndLawsuits))
  if (model.legacy) ids.push(...legacyIdentities(model.legacy))
  return ids.map(evaluate).filter((f): f is Finding => f !== undefined)
}
