import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { isReportFormat } from '../domain/report/formats/index.js'
import type { AnnualReport, ReportFormat } from '../domain/report/model.js'
import { generateReport } from '../services/report/generateReport.js'
import { withStore } from './withStore.js'

const EXTENSIONS = ['.json', '.html', '.docx', '.xlsx'] as const
type Extension = (typeof EXTENSIONS)[number]

/** The file of a report in the format its extension names; exporters are loaded only when needed. */
export async function renderReportFile(model: AnnualReport, ext: Extension): Promise<string | Buffer> {
  switch (ext) {
    case '.json':
      return `${JSON.stringify(model, null, 2)}\n`
    case '.html':
      return (await import('../export/reportHtml.js')).reportHtml(model)
    case '.docx':
      return (await import('../export/reportDocx.js')).reportDocx(model)
    case '.xlsx':
      return (await import('../export/reportXlsx.js')).reportXlsx(model)
  }
}

export async function runReportGenerate(opts: {
  agency: string
  year: string
  format?: string
  out: string
}): Promise<number> {
  const ext = extname(opts.out).toLowerCase() as Extension
  if (!EXTENSIONS.includes(ext)) {
    process.stderr.write(`错误：--out 的扩展名应为 ${EXTENSIONS.join(' ')} 之一（收到：${opts.out}）\n`)
    return 2
  }
  const year = Number(opts.year)
  if (!/^\d{4}$/.test(opts.year)) {
    process.stderr.write(`错误：--year 应为四位年份（收到：${opts.year}）\n`)
    return 2
  }
  if (opts.format !== undefined && !isReportFormat(opts.format)) {
    process.stderr.write(`错误：--format 应为 2021、2019 或 legacy（收到：${opts.format}）\n`)
    return 2
  }
  const format = opts.format as ReportFormat | undefined
  return withStore(async (store) => {
    const model = await generateReport(store, { agency: opts.agency, year, ...(format ? { format } : {}) })
    writeFileSync(opts.out, await renderReportFile(model, ext))
    const findings = model.findings.length
      ? `，检查发现 ${model.findings.length} 个问题（gongkai report check 查看）`
      : '，勾稽关系检查通过'
    const notes = model.dataNotes?.length ? `；数据质量提示 ${model.dataNotes.length} 条（不是错误）` : ''
    process.stdout.write(
      `已生成 ${model.agency.name} ${model.year}年度报告（${model.format === 'legacy' ? '统计表' : `${model.format}格式`}）：${opts.out}${findings}${notes}\n`,
    )
    return 0
  })
}
