import type { AnnualReport } from '../domain/report/model.js'

/** The files a report is exported as: each one's content type, and whether a browser saves it (attachment). */
export const REPORT_FILES = {
  json: { type: 'application/json; charset=utf-8', attachment: true },
  html: { type: 'text/html; charset=utf-8', attachment: false },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', attachment: true },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', attachment: true },
  pdf: { type: 'application/pdf', attachment: true },
} as const

export type ReportFileKind = keyof typeof REPORT_FILES

export const REPORT_FILE_KINDS = Object.keys(REPORT_FILES).filter(isReportFileKind)

export function isReportFileKind(s: string): s is ReportFileKind {
  return Object.hasOwn(REPORT_FILES, s)
}

/**
 * A report as a file of the given kind: the one export switch of the web page and `gongkai report generate`.
 * Exporters are loaded only when needed.
 */
export async function renderReportFile(model: AnnualReport, kind: ReportFileKind): Promise<string | Buffer> {
  switch (kind) {
    case 'json':
      return `${JSON.stringify(model, null, 2)}\n`
    case 'html':
      return (await import('./reportHtml.js')).reportHtml(model)
    case 'docx':
      return (await import('./reportDocx.js')).reportDocx(model)
    case 'xlsx':
      return (await import('./reportXlsx.js')).reportXlsx(model)
    case 'pdf':
      return (await import('./reportPdf.js')).reportPdf(model)
  }
}

/** The name a downloaded report file is saved under. */
export function reportFileName(model: AnnualReport, kind: ReportFileKind): string {
  return `${model.agency.name}${model.year}年政府信息公开工作年度报告.${kind}`
}
