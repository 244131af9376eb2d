import type { Command } from 'commander'

export function registerImportCommands(program: Command): void {
  const imp = program.command('import').description('导入现有数据')
  imp
    .command('applications')
    .description(
      '导入依申请公开台账（CSV：UTF-8 或 GBK；或 XLSX。表头：编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果[,补正告知日期,补正完成日期,延期告知日期]；日期可写 2023-05-08、2023/5/8、2023.5.8、2023年5月8日或 Excel 日期）',
    )
    .requiredOption('--agency <统一社会信用代码>', '导入到哪个机关')
    .argument('<FILE>', '台账文件（.csv 或 .xlsx）')
    .action(async (file: string, opts: { agency: string }) => {
      const { runImportApplications } = await import('../importApplications.js')
      process.exitCode = await runImportApplications(file, opts)
    })
  const agency = program.command('agency').description('机关')
  agency
    .command('add')
    .description('新建机关（校验统一社会信用代码，GB 32100-2015）')
    .requiredOption('--name <名称>', '机关名称')
    .requiredOption('--code <统一社会信用代码>', '18位统一社会信用代码')
    .action(async (opts: { name: string; code: string }) => {
      const { runAgencyAdd } = await import('../importApplications.js')
      process.exitCode = await runAgencyAdd(opts)
    })
}
