import type { Command } from 'commander'

export function registerCoreCommands(program: Command): void {
  program
    .command('serve')
    .description('启动平台（默认端口 3000，PORT 可改；首次启动自动载入演示数据）')
    .option('--port <n>', '端口', process.env.PORT ?? '3000')
    .option('--no-demo', '首次启动时不载入演示数据')
    .action(async (opts: { port: string; demo: boolean }) => {
      const { runServe } = await import('../serve.js')
      await runServe({ port: Number(opts.port), demo: opts.demo })
    })
  program
    .command('migrate')
    .description('执行数据库迁移（GONGKAI_DB 指定数据库）')
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { migrate } = await import('../../store/database.js')
      await withStore(async (store) => {
        const applied = await migrate(store)
        process.stdout.write(applied.length ? `已执行迁移：${applied.join('，')}\n` : '数据库已是最新结构\n')
      })
    })
  program
    .command('demo')
    .description('载入演示数据：衢州、福州两个机关，福州2020年的49件申请和4件行政复议等')
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { loadDemo } = await import('../../services/demo/loadDemo.js')
      await withStore(async (store) => {
        const summary = await loadDemo(store)
        process.stdout.write(`${summary}\n`)
      })
    })
}
