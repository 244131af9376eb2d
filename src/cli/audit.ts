// gongkai audit FILE... : read published annual reports, check them, print what is wrong.
import { writeFile } from 'node:fs/promises'
import { auditCsv, type AuditedFile } from '../audit/csv.js'
import type { ParsedReport } from '../audit/parseReport.js'
import { auditFile } from './auditFile.js'

export interface AuditOptions {
  json?: boolean
  csv?: string
  /** show the progress bar even when stderr is not a terminal */
  progress?: boolean
}

const FORMAT_NAMES: Record<string, string> = { '2021': '2021年格式', '2019': '2019年格式', legacy: '2019年前统计表' }
/** from this many files on, the bar is shown even when stderr is not a terminal */
const MANY_FILES = 200

function summary(file: string, r: ParsedReport): string {
  const total = r.applications ? r.applications.newReceived[6] : r.legacy?.['applications.received']
  const unread = r.findings.filter((f) => f.rule.startsWith('parse.')).length
  const wrong = r.findings.length - unread
  const verdict = [
    wrong === 0 ? '未发现不一致' : `发现 ${wrong} 处不一致`,
    unread > 0 ? `${unread} 处无法可靠读取（留空，未猜测）` : '',
  ]
  const lines = [
    `${file}：${r.agency.name || '（机关未识别）'} ${r.year || '（年度未识别）'}年度报告，${FORMAT_NAMES[r.format]}，本年新收申请 ${total ?? '—'} 件；${verdict.filter(Boolean).join('，')}`,
  ]
  for (const f of r.findings) lines.push(`  [${f.rule}] ${f.message}`)
  return lines.join('\n')
}

export async function runAudit(files: string[], opts: AuditOptions): Promise<number> {
  const showBar =
    opts.progress === true || (files.length > 1 && process.stderr.isTTY === true) || files.length >= MANY_FILES
  let bar: { increment(): void; stop(): void } | undefined
  if (showBar) {
    const { SingleBar, Presets } = await import('cli-progress')
    const b = new SingleBar(
      {
        stream: process.stderr,
        format: '审查 [{bar}] {value}/{total} 个文件',
        noTTYOutput: true,
        notTTYSchedule: 2000,
        hideCursor: true,
      },
      Presets.shades_classic,
    )
    b.start(files.length, 0)
    bar = b
  }
  const results: AuditedFile[] = []
  const out: string[] = []
  let status = 0
  const emit = (done: AuditedFile) => {
    results.push(done)
    if (done.report) {
      if (done.report.findings.length > 0 && status === 0) status = 1
      out.push(opts.json ? JSON.stringify({ ...done.report, file: done.file }) : summary(done.file, done.report))
    } else {
      process.stderr.write(`错误：${done.file}：${done.error ?? '无法读取'}\n`)
      status = 2
    }
    bar?.increment()
    if (out.length >= 200) {
      process.stdout.write(out.join('\n') + '\n')
      out.length = 0
    }
  }
  // one thread: worker threads were measured slower here (the machine's other load takes the second core)
  for (const file of files) emit(auditFile(file))
  bar?.stop()
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n')
  if (opts.csv) await writeFile(opts.csv, auditCsv(results))
  return status
}
