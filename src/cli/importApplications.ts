import { userInfo } from 'node:os'
import { shanghaiDay } from '../domain/calendar/calendarDay.js'
import { createAgency } from '../services/agencies.js'
import { ValidationError } from '../services/errors.js'
import { importApplications } from '../services/report/importApplications.js'
import { readLedgerFile } from '../services/report/ledgerFile.js'
import { withStore } from './withStore.js'

export async function runImportApplications(file: string, opts: { agency: string }): Promise<number> {
  const { rows, encoding } = await readLedgerFile(file)
  process.stdout.write(
    `读取台账：${file}（${encoding === 'XLSX' ? 'Excel 工作簿' : `${encoding} 编码`}，${Math.max(0, rows.length - 1)} 行）\n`,
  )
  const { default: progress } = await import('cli-progress')
  return withStore(async (store) => {
    const bar = new progress.SingleBar(
      {
        format: '导入 [{bar}] {value}/{total} 行',
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 1000,
        hideCursor: true,
      },
      progress.Presets.shades_classic,
    )
    let started = false
    const result = await importApplications(store, {
      agencyCode: opts.agency,
      rows,
      today: shanghaiDay(new Date()),
      // the audit trail names who ran the command, from this machine
      actor: { actor: `命令行 ${userInfo().username} ${file}`.slice(0, 200), ip: 'localhost' },
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0)
          started = true
        }
        bar.update(done)
      },
    })
    if (started) bar.stop()
    if (result.errors.length) {
      process.stderr.write(`台账有 ${result.errors.length} 处错误，未导入任何数据：\n`)
      for (const e of result.errors) process.stderr.write(`第${e.row}行「${e.column}」：${e.message}\n`)
      return 1
    }
    process.stdout.write(`导入完成：新增 ${result.created} 件，已存在未改动 ${result.unchanged} 件\n`)
    if (result.warnings.length) {
      process.stdout.write(
        `提示 ${result.warnings.length} 条（不是错误：这些行照常导入，提示记在案件上，并计入年度报告检查的数据质量提示）：\n`,
      )
      for (const w of result.warnings) process.stdout.write(`第${w.row}行「${w.column}」：${w.message}\n`)
    }
    return 0
  })
}

export async function runAgencyAdd(opts: { name: string; code: string }): Promise<number> {
  return withStore(async (store) => {
    try {
      const id = await createAgency(store, { name: opts.name, code: opts.code })
      process.stdout.write(
        `已创建机关「${opts.name.trim()}」（编号 ${id}，统一社会信用代码 ${opts.code.trim().toUpperCase()}）\n`,
      )
      return 0
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      for (const x of e.errors) process.stderr.write(`错误：${x.message}\n`)
      return 1
    }
  })
}
