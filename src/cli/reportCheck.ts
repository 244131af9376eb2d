import { readFileSync } from 'node:fs'
import { checkReport } from '../domain/report/check.js'
import { annualReportSchema } from '../domain/report/modelSchema.js'

/** Prints the findings of a report model file: exit 0 when none, 1 when any, 2 when the file cannot be read. */
export async function runReportCheck(file: string): Promise<number> {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    process.stderr.write(`错误：无法读取报告文件 ${file}：${e instanceof Error ? e.message : String(e)}\n`)
    return 2
  }
  const parsed = annualReportSchema.safeParse(data)
  if (!parsed.success) {
    for (const i of parsed.error.issues) process.stderr.write(`错误：${i.path.join('.') || '(整体)'}：${i.message}\n`)
    return 2
  }
  const model = parsed.data
  const findings = checkReport(model)
  if (findings.length === 0)
    process.stdout.write(`${model.agency.name} ${model.year}年度报告：勾稽关系检查通过，未发现问题\n`)
  else {
    process.stdout.write(`${model.agency.name} ${model.year}年度报告：发现 ${findings.length} 个问题\n`)
    for (const f of findings) process.stdout.write(`[${f.rule}] ${f.message}\n`)
  }
  // notes on the records behind the report: listed, never a failed check
  const notes = parsed.data.dataNotes ?? []
  if (notes.length) process.stdout.write(`数据质量提示 ${notes.length} 条（不是错误）：\n`)
  for (const n of notes) process.stdout.write(`[${n.rule}] ${n.message}\n`)
  return findings.length === 0 ? 0 : 1
}
