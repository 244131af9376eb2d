import { enterFigures } from '../services/report/figures.js'
import { withStore } from './withStore.js'

export async function runReportFigure(opts: {
  agency: string
  year: string
  key: string
  value: string
  source: string
  by: string
  note: string
}): Promise<number> {
  const value = opts.value === 'blank' ? null : Number(opts.value)
  if (value !== null && !Number.isFinite(value)) {
    process.stderr.write(`错误：--value 应为数值或 blank（收到：${opts.value}）\n`)
    return 2
  }
  return withStore(async (store) => {
    await enterFigures(store, [
      {
        agency: opts.agency,
        year: Number(opts.year),
        key: opts.key,
        value,
        source: opts.source,
        enteredBy: opts.by,
        note: opts.note,
      },
    ])
    process.stdout.write(
      `已录入 ${opts.year}年 ${opts.key} = ${opts.value}（来源：${opts.source}，录入人：${opts.by}）\n`,
    )
    return 0
  })
}
