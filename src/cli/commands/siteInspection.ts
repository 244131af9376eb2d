import type { Command } from 'commander'
import { todayOption } from './todayOption.js'

// 网站检查: the public pages' links and columns. Work is imported when a command runs.

export function registerSiteInspectionCommands(program: Command): void {
  program
    .command('inspect-site')
    .description('网站检查：逐页检查公开页面的链接（站内按路由，外部链接默认不查）和各栏目更新情况')
    .option('--today <day>', '以该日为检查日（YYYY-MM-DD，默认今天）')
    .option('--external', '同时检查外部链接（会访问外部网站）')
    .action(async (opts: { today?: string; external?: boolean }) => {
      const { withStore } = await import('../withStore.js')
      const { inspectSite } = await import('../inspectSite.js')
      const day = await todayOption(opts.today)
      await withStore(async (store) => {
        const r = await inspectSite(store, day, opts.external === true)
        process.stdout.write(r.text)
        if (r.failed) process.exitCode = 1
      })
    })
}
