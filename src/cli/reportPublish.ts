import { isReportFormat } from '../domain/report/formats/index.js'
import { systemActor } from '../services/actor.js'
import { publishReport } from '../services/report/publishReport.js'
import { withStore } from './withStore.js'

export async function runReportPublish(opts: {
  agency: string
  year: string
  format?: string
  by: string
  note: string
}): Promise<number> {
  const format = opts.format
  if (format !== undefined && !isReportFormat(format)) {
    process.stderr.write(`错误：--format 应为 2021、2019 或 legacy（收到：${format}）\n`)
    return 2
  }
  return withStore(async (store) => {
    const v = await publishReport({
      store,
      actor: systemActor('cli'),
      agency: opts.agency,
      year: Number(opts.year),
      by: opts.by,
      note: opts.note,
      ...(format ? { format } : {}),
    })
    process.stdout.write(
      `已发布 ${v.model.agency.name} ${v.model.year}年度报告 第${v.version}版${v.note ? `（${v.note}）` : ''}\n`,
    )
    return 0
  })
}
