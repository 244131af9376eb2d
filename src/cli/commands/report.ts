import type { Command } from 'commander'

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('政府信息公开工作年度报告：生成、检查、录入数据、发布')
  report
    .command('generate')
    .description('由记录生成某机关某年度的年度报告（--out 的扩展名决定格式：.json .html .docx .xlsx）')
    .requiredOption('--agency <名称或统一社会信用代码>', '机关')
    .requiredOption('--year <YYYY>', '报告年度')
    .option(
      '--format <2021|2019|legacy>',
      '报告格式（默认按年度：2021年起用2021格式，2019—2020年用2019格式，更早用统计表）',
    )
    .requiredOption('--out <FILE>', '输出文件')
    .action(async (opts: { agency: string; year: string; format?: string; out: string }) => {
      const { runReportGenerate } = await import('../reportGenerate.js')
      process.exitCode = await runReportGenerate(opts)
    })
  report
    .command('check')
    .description('检查一份年度报告 JSON 的勾稽关系（无问题退出码0，有问题退出码1）')
    .argument('<FILE.json>', '报告模型 JSON 文件')
    .action(async (file: string) => {
      const { runReportCheck } = await import('../reportCheck.js')
      process.exitCode = await runReportCheck(file)
    })
  report
    .command('figure')
    .description('录入或更正一项记录中没有的数据（如行政许可决定数、培训人次），保留录入人、时间、来源和历史')
    .requiredOption('--agency <名称或统一社会信用代码>', '机关')
    .requiredOption('--year <YYYY>', '报告年度')
    .requiredOption('--key <项目>', '项目键，如 proactive.art20_5.licensing.decisions；--list 查看全部')
    .requiredOption('--value <数值>', '数值（留空写 blank）')
    .requiredOption('--source <来源>', '数据来源')
    .requiredOption('--by <录入人>', '录入人')
    .option('--note <说明>', '更正说明', '')
    .action(
      async (opts: {
        agency: string
        year: string
        key: string
        value: string
        source: string
        by: string
        note: string
      }) => {
        const { runReportFigure } = await import('../reportFigure.js')
        process.exitCode = await runReportFigure(opts)
      },
    )
  report
    .command('publish')
    .description(
      '发布年度报告：正文各部分已填写且勾稽关系检查通过时，保存当前计算结果及其导出为一个版本（之后修改记录不会悄悄改变已发布的版本）',
    )
    .requiredOption('--agency <名称或统一社会信用代码>', '机关')
    .requiredOption('--year <YYYY>', '报告年度')
    .option('--format <2021|2019|legacy>', '报告格式')
    .requiredOption('--by <发布人>', '发布人')
    .option('--note <说明>', '版本说明（更正发布时必填）', '')
    .option('--override <理由>', '正文未写完或检查未通过时仍要发布的理由（记入审计日志）')
    .action(
      async (opts: { agency: string; year: string; format?: string; by: string; note: string; override?: string }) => {
        const { runReportPublish } = await import('../reportPublish.js')
        process.exitCode = await runReportPublish(opts)
      },
    )
}
