import type { Command } from 'commander'

/** `gongkai import documents FILE --agency CODE`: an agency's existing catalog (issue 6). */
export function registerImportDocumentsCommand(program: Command): void {
  const imp =
    program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('导入现有数据')
  imp
    .command('documents')
    .description(
      '导入主动公开目录（CSV 或 XLSX；表头：标题,栏目,成文日期,发布日期,发布机构[,索引号,文号,主题分类,组配分类,公开方式,有效性,信息来源,条例第二十条类别,正文]），整个文件全部导入或全部不导入；导入的信息进入审核流程，加 --publish --reason 才直接发布',
    )
    .requiredOption('--agency <统一社会信用代码>', '导入到哪个机关')
    .option('--publish', '导入后直接发布（不经审核流程；须同时用 --reason 说明理由）')
    .option('--reason <理由>', '直接发布的理由（记入审计日志和每条信息的保密审查表）')
    .argument('<FILE>', '目录文件（.csv 或 .xlsx）')
    .action(async (file: string, opts: { agency: string; publish?: boolean; reason?: string }) => {
      const { runImportDocuments } = await import('../importDocuments.js')
      process.exitCode = await runImportDocuments(file, opts)
    })
}
