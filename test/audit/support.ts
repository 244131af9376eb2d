// Shared by the audit tests: where the corpus is, and the hand transcriptions in test/fixtures/audit.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { applicationRow } from '../../src/domain/report/check.js'
import { CUMULATIVE_SUFFIX } from '../../src/domain/report/legacyKeys.js'
import type { AnnualReport } from '../../src/domain/report/model.js'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '../..')
export const fixtures = path.join(repoRoot, 'test/fixtures/audit')
/** the shared corpus of real reports, next to the repository (absent on a bare checkout); overridable */
export const reportsDir = process.env.GONGKAI_AUDIT_CORPUS ?? path.resolve(repoRoot, '../shared/reports')
export const corpusPresent = existsSync(path.join(reportsDir, 'INDEX.tsv'))
if (!corpusPresent)
  console.warn(`audit corpus not found at ${reportsDir} (../shared/reports): the corpus tests are skipped`)

export interface Transcription {
  file: string
  format: string
  rows: Map<string, number[]>
  reviews?: number[]
  legacy: Map<string, number[]>
  /** table 二: `proactive art20_1.rules 0 2 5` (cells in the format's column order) */
  proactive: Map<string, number[]>
}

/** A transcription file: `file NAME`, `format F`, then `rowPath n n n …` lines; `#` starts a comment. */
export function readTranscription(file: string): Transcription {
  const t: Transcription = { file: '', format: '', rows: new Map(), legacy: new Map(), proactive: new Map() }
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/)
    if (!key || key.startsWith('#')) continue
    if (key === 'file') t.file = rest[0] ?? ''
    else if (key === 'format') t.format = rest[0] ?? ''
    else if (key === 'reviews') t.reviews = rest.map(Number)
    else if (key === 'proactive') t.proactive.set(rest[0] ?? '', rest.slice(1).map(Number))
    else if (t.format === 'legacy') t.legacy.set(key, rest.map(Number))
    else t.rows.set(key, rest.map(Number))
  }
  return t
}

export interface CellMismatch {
  where: string
  expected: number
  actual: number | null | undefined
}

/** Every transcribed cell that the parsed model does not hold (a null counts: it is listed separately). */
export function compareWithTranscription(
  r: AnnualReport,
  t: Transcription,
): { wrong: CellMismatch[]; nulls: string[]; cells: number } {
  const wrong: CellMismatch[] = []
  const nulls: string[] = []
  let cells = 0
  const cmp = (where: string, expected: number, actual: number | null | undefined) => {
    cells++
    if (actual === null) nulls.push(where)
    else if (actual !== expected) wrong.push({ where, expected, actual })
  }
  for (const [rowPath, values] of t.rows) {
    const row = r.applications ? applicationRow(r.applications, rowPath) : undefined
    values.forEach((v, i) => cmp(`${rowPath}[${i}]`, v, row ? row[i] : undefined))
  }
  if (t.reviews) {
    const rv = r.reviewsAndLawsuits
    const flat = rv
      ? [rv.review, rv.lawsuitDirect, rv.lawsuitAfterReview].flatMap((k) => [
          k.upheld,
          k.corrected,
          k.other,
          k.pending,
          k.total,
        ])
      : []
    t.reviews.forEach((v, i) => cmp(`reviews[${i}]`, v, rv ? flat[i] : undefined))
  }
  for (const [where, values] of t.proactive) {
    const [block = '', row = ''] = where.split('.')
    const cells = Object.values(r.proactive?.[block]?.[row] ?? {})
    values.forEach((v, i) => cmp(`proactive.${where}[${i}]`, v, r.proactive ? cells[i] : undefined))
  }
  for (const [key, values] of t.legacy) {
    cmp(key, values[0]!, r.legacy?.[key])
    if (values.length > 1) cmp(key + CUMULATIVE_SUFFIX, values[1]!, r.legacy?.[key + CUMULATIVE_SUFFIX])
  }
  return { wrong, nulls, cells }
}

/** INDEX.tsv rows as objects keyed by its header. */
export function readIndex(): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path.join(reportsDir, 'INDEX.tsv'), 'utf8').trim().split('\n')
  const cols = head!.split('\t')
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])))
}

/** the inconsistencies INDEX.tsv notes in each report: its text against its own tables, its header dates, its citations */
export const REAL_FINDINGS: Record<string, string[]> = {
  '002_sanming_2024.txt': ['meta.publishedBeforeYearEnd'], // header 发布时间 2024-01-01 for the 2024 report
  '003_sanming_2025.txt': ['meta.publishedBeforeYearEnd'], // header 发布时间 2025-01-01 for the 2025 report
  '006_putian_haiyu_2022.txt': ['narrative.regulationOrder'], // cites 国务院令第771号 (the 条例 is 第711号)
  '010_sanming_2019.txt': ['narrative.concluded', 'meta.publishedBeforeYearEnd'], // text: 办结403件 (whole city); table 109; 发布时间 2019-01-01
  '012_putian_2019.txt': ['narrative.withheld', 'narrative.unableToProvide'], // text 35 / 146; table 32 / 149
  '014_putian_2008.txt': ['narrative.partiallyDisclosed'], // text 同意部分公开 5; table 12
}
