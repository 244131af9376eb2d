// Audit of one published report: parse it, run the checker on what was read, and compare the
// figures its text states with its tables. Findings: parse.* (what could not be read), the checker's
// rule ids, narrative.* (text and table disagree), meta.* (the page's own dates cannot be true).
import { checkReport } from '../domain/report/check.js'
import { crossCheck } from './narrative.js'
import { pageChecks } from './pageChecks.js'
import { parseReport, type ParsedReport } from './parseReport.js'

export function auditReport(source: string): ParsedReport {
  const report = parseReport(source)
  report.findings = [
    ...report.findings,
    ...checkReport(report),
    ...crossCheck(report, report.stated ?? {}),
    ...pageChecks(report),
  ]
  return report
}
