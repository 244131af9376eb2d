import type { Command } from 'commander'

export function registerDeadlineCommand(program: Command): void {
  program
    .command('deadline')
    .description('计算某日收到的申请的补正告知期限、答复期限和延期后的期限')
    .requiredOption('--received <YYYY-MM-DD>', '收到申请之日')
    .option('--json', '输出一个 JSON 对象')
    .action(async (opts: { received: string; json?: boolean }) => {
      const { runDeadline } = await import('../deadline.js')
      process.exitCode = await runDeadline(opts)
    })
}
