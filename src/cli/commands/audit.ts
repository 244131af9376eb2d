import type { Command } from 'commander'

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('审查已发布的政府信息公开工作年度报告（文本或 HTML）：读出表格，检查勾稽关系和正文数字')
    .argument('<FILE...>', '报告文件（网页另存的 .html 或文本）')
    .option('--json', '每个文件输出一行 JSON：报告模型、findings 和 file')
    .option('--csv <OUT.csv>', '另写一个 CSV：每个文件一行（机关、年度、格式、主要合计、各规则问题数）')
    .option('--progress', '总是显示进度条（默认仅在终端中或文件很多时显示）')
    .addHelpText('after', '\n退出码：0 未发现问题；1 有问题；2 有文件无法读取')
    .action(async (files: string[], opts: { json?: boolean; csv?: string; progress?: boolean }) => {
      const { runAudit } = await import('../audit.js')
      process.exitCode = await runAudit(files, opts)
    })
}
