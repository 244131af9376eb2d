import { isReportFormat } from '../domain/report/formats/index.js'
import { systemActor } from '../services/actor.js'
import { ValidationError } from '../services/errors.js'
import { publishReport } from '../services/report/publishReport.js'
import { withStore } from './withStore.js'

export async function runReportPublish(opts: {
  agency: string
  year: string
  format?: string
  by: string
  note: string
  override?: string
}): Promise<number> {
  const format = opts.format
  if (format !== undefined && !isReportFormat(format)) {
    process.stderr.write(`错误：--format 应为 2021、2019 或 legacy（收到：${format}）\n`)
    return 2
  }
  return withStore(async (store) => {
    try {
      const v = await publishReport({
        store,
        actor: systemActor('cli'),
        agency: opts.agency,
        year: Number(opts.year),
        by: opts.by,
        note: opts.note,
        ...(format ? { format } : {}),
        ...(opts.override ? { override: opts.override } : {}),
      })
      process.stdout.write(
        `已发布 ${v.model.agency.name} ${v.model.year}年度报告 第${v.version}版${v.note ? `（${v.note}）` : ''}\n`,
      )
      if (v.overridden.length)
        process.stdout.write(`未满足发布条件${v.overridden.length}项，发布理由已记入审计日志：${opts.override ?? ''}\n`)
      return 0
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      for (const x of e.errors) process.stderr.write(`${x.message}\n`)
      process.stderr.write('未发布。补写正文、解决检查问题后再发布，或以 --override <理由> 写明理由后发布。\n')
      return 1
    }
  })
}
