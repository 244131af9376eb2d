// A published annual report (text or HTML, as found on the web) to the report model, with the
// parser's own parse.* findings. It never guesses a number: what it cannot read is null.
import type { AnnualReport, Finding, ReportFormat } from '../domain/report/model.js'
import { looksLikeHtml, tokenizeHtml } from './html.js'
import { readLegacy } from './legacy.js'
import { readMeta } from './meta.js'
import { readNarrative } from './narrative.js'
import { segmentsOf } from './segments.js'
import { readTable2, table2Format } from './table2.js'
import { readTable3 } from './table3.js'
import { readTable4 } from './table4.js'
import { tableFormat } from '../domain/report/formats/index.js'
import { tokenizeText } from './tokens.js'

export interface ParsedReport extends AnnualReport {
  /** figures the narrative states, e.g. { received: 49 }, and the 国务院令 number it cites for the 条例 */
  stated?: Record<string, number>
  /** the page's own publication date (YYYY-MM-DD) where it prints one */
  published?: string
}

function formatOfYear(year: number | undefined): ReportFormat {
  if (year === undefined || year >= 2021) return '2021'
  return year >= 2019 ? '2019' : 'legacy'
}

export function parseReport(source: string): ParsedReport {
  const html = looksLikeHtml(source)
  const tokens = html ? tokenizeHtml(source) : tokenizeText(source)
  const segs = segmentsOf(tokens)
  const plain = html
    ? tokens.map((t) => (t.kind === 'label' ? t.text : t.kind === 'num' ? t.digits : t.text)).join('\n')
    : source
  const meta = readMeta(plain)
  const findings: Finding[] = []
  const t3 = readTable3(segs, meta.year)
  const report: ParsedReport = {
    format: formatOfYear(meta.year),
    year: meta.year ?? 0,
    agency: { name: meta.agency ?? '' },
    findings,
  }
  if (meta.published) report.published = meta.published
  if (meta.year === undefined) findings.push({ rule: 'parse.year', message: '未能从标题或统计时限中读出报告年度' })
  if (!meta.agency) findings.push({ rule: 'parse.agency', message: '未能读出发布机关名称' })
  if (t3) {
    const shape3 = t3.shape ?? (meta.year !== undefined && meta.year < 2021 ? '2019' : '2021')
    // table 二 names its format by its own columns; a hybrid template prints the other format's table 三
    const format = table2Format(segs, t3.start) ?? shape3
    report.format = format
    if (t3.shape && t3.shape !== format)
      findings.push({
        rule: 'format.mixed',
        message: `表二为${format}年格式，表三为${t3.shape}年格式（${tableFormat(t3.shape).foldsOtherResults ? '（六）其他处理只有一行' : '（六）其他处理分三项'}）：按表三自身的格式读取`,
      })
    const t2 = readTable2(segs, format, t3.start, t3.collapses, t3.runsTogether)
    if (t2) {
      report.proactive = t2.proactive
      findings.push(...t2.findings)
    }
    report.applications = t3.table
    findings.push(...t3.findings)
    const t4 = readTable4(segs, t3.end, t3.collapses)
    if (t4) {
      report.reviewsAndLawsuits = t4.reviews
      findings.push(...t4.findings)
    } else
      findings.push({
        rule: 'parse.tableMissing',
        row: 'reviewsAndLawsuits',
        message: '未找到表四（行政复议、行政诉讼情况）',
      })
  } else {
    const legacy = readLegacy(segs)
    if (legacy) {
      report.format = 'legacy'
      report.legacy = legacy.legacy
      findings.push(...legacy.findings)
      if (meta.year === undefined && legacy.firstColumn && /^\d{4}/.test(legacy.firstColumn)) {
        report.year = Number(legacy.firstColumn.slice(0, 4))
        findings.splice(
          findings.findIndex((f) => f.rule === 'parse.year'),
          1,
        )
      }
    } else {
      findings.push({
        rule: 'parse.tableMissing',
        row: 'applications',
        message: '未找到表三（收到和处理政府信息公开申请情况）或统计表',
      })
    }
  }
  const narrative = readNarrative(plain)
  if (Object.keys(narrative).length > 0) report.stated = narrative
  return report
}
