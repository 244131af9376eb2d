import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { formatDef, isReportFormat } from '../domain/report/formats/index.js'
import { isReportFileKind, renderReportFile, REPORT_FILE_KINDS } from '../export/reportFile.js'
import { generateReport } from '../services/report/generateReport.js'
import { withStore } from './withStore.js'

export async function runReportGenerate(opts: {
  agency: string
  year: string
  format?: string
  out: string
}): Promise<number> {
  const kind = extname(opts.out).toLowerCase().slice(1)
  if (!isReportFileKind(kind)) {
    process.stderr.write(
      `错误：--out 的扩展名应为 ${REPORT_FILE_KINDS.map((k) => `.${k}`).join(' ')} 之一（收到：${opts.out}）\n`,
    )
    return 2
  }
  const year = Number(opts.year)
  if (!/^\d{4}$/.test(opts.year)) {
    process.stderr.write(`错误：--year 应为四位年份（收到：${opts.year}）\n`)
    return 2
  }
  const format = opts.format
  if (format !== undefined && !isReportFormat(format)) {
    process.stderr.write(`错误：--format 应为 2021、2019 或 legacy（收到：${format}）\n`)
    return 2
  }
  return withStore(async (store) => {
    const model = await generateReport(store, { agency: opts.agency, year, ...(format ? { format } : {}) })
    writeFileSync(opts.out, await renderReportFile(model, kind))
    const findings = model.findings.length
      ? `，检查发现 ${model.findings.length} 个问题（gongkai report check 查看）`
      : '，勾稽关系检查通过'
    const notes = model.dataNotes?.length ? `；数据质量提示 ${model.dataNotes.length} 条（不是错误）` : ''
    process.stdout.write(
      `已生成 ${model.agency.name} ${model.year}年度报告（${formatDef(model.format).name}）：${opts.out}${findings}${notes}\n`,
    )
    return 0
  })
}
