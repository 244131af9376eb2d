// One CSV row per audited file (agency, year, format, key totals, findings by rule), for supervisors.
import type { ParsedReport } from './parseReport.js'

export interface AuditedFile {
  file: string
  report?: ParsedReport
  error?: string
}

const FIXED = [
  ['file', '文件'],
  ['agency', '机关'],
  ['year', '年度'],
  ['format', '格式'],
  ['newReceived', '本年新收'],
  ['carriedOver', '上年结转'],
  ['disclosed', '予以公开'],
  ['resultsTotal', '办理结果总计'],
  ['carriedForward', '结转下年度'],
  ['reviews', '行政复议总计'],
  ['lawsuits', '行政诉讼总计'],
  ['findings', '问题数'],
  ['error', '读取错误'],
] as const

function keyTotals(r: ParsedReport): Record<string, number | null | undefined> {
  const a = r.applications
  const l = r.legacy
  const rv = r.reviewsAndLawsuits
  const sum = (xs: (number | null)[]) =>
    xs.some((x) => x === null) ? null : (xs as number[]).reduce((s, x) => s + x, 0)
  return {
    newReceived: a ? a.newReceived[6] : l?.['applications.received'],
    carriedOver: a?.carriedOver[6],
    disclosed: a ? a.results.disclosed[6] : l?.['answers.disclosed'],
    resultsTotal: a ? a.results.total[6] : l?.['answers.total'],
    carriedForward: a?.carriedForward[6],
    reviews: rv ? rv.review.total : l?.['review.total'],
    lawsuits: rv ? sum([rv.lawsuitDirect.total, rv.lawsuitAfterReview.total]) : l?.['lawsuit.total'],
  }
}

function field(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // a leading =, +, - or @ would be run as a formula by spreadsheet programs, and so would one after a TAB, a
  // carriage return or spaces (OWASP, CSV injection): a name the uploader chose is quoted out of it
  const formula = /^[\s]*[=+\-@]|^[\t\r]/.test(s) && !/^-?\d+$/.test(s)
  const safe = formula ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The CSV text (UTF-8 with BOM so that Excel/WPS open the Chinese headers correctly). */
export function auditCsv(files: AuditedFile[]): string {
  const rules = [...new Set(files.flatMap((f) => f.report?.findings.map((x) => x.rule) ?? []))].sort()
  const head = [...FIXED.map(([, zh]) => zh), ...rules]
  const lines = [head.map(field).join(',')]
  for (const f of files) {
    const r = f.report
    const totals = r ? keyTotals(r) : {}
    const fixed: Record<string, unknown> = {
      file: f.file,
      agency: r?.agency.name,
      year: r?.year || '',
      format: r?.format,
      ...totals,
      findings: r?.findings.length,
      error: f.error,
    }
    const counts = rules.map((rule) => (r ? r.findings.filter((x) => x.rule === rule).length : ''))
    lines.push([...FIXED.map(([k]) => fixed[k]), ...counts].map(field).join(','))
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
