import type { Command } from 'commander'
import { todayOption } from './todayOption.js'

// 政务服务事项: importing the list and its 办事指南. Work is imported when a command runs.

export function registerServiceItemCommands(program: Command): void {
  program
    .command('services')
    .description('政务服务事项')
    .command('import')
    .description('导入政务服务事项及办事指南（常见的事项清单表格：.xlsx 或 .csv；指南有变化的事项生成新版本）')
    .requiredOption('--agency <机关>', '机关的统一社会信用代码或全称')
    .option('--today <day>', '以该日为生效日期（YYYY-MM-DD，默认今天）')
    .argument('<file>', '事项清单文件')
    .action(async (file: string, opts: { agency: string; today?: string }) => {
      const { readFile } = await import('node:fs/promises')
      const { withStore } = await import('../withStore.js')
      const { systemActor } = await import('../../services/actor.js')
      const { readServiceSheet } = await import('../../services/serviceItems/sheet.js')
      const { importServiceItems } = await import('../../services/serviceItems/importServiceItems.js')
      const rows = await readServiceSheet(await readFile(file), file)
      const day = await todayOption(opts.today)
      await withStore(async (store) => {
        const r = await importServiceItems({ store, actor: systemActor(), agency: opts.agency, rows, today: day })
        process.stdout.write(`新增事项 ${r.created} 项，指南更新 ${r.revised} 项，未变 ${r.unchanged} 项\n`)
      })
    })
}
