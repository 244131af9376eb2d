import type { Command } from 'commander'

export function registerCalendarCommands(program: Command): void {
  const cal = program.command('calendar').description('工作日历：国务院放假通知与调休（管理员录入）')
  cal
    .command('import')
    .description(
      '录入某一年的放假通知（JSON：{"year":2027,"holidays":["2027-01-01","2027-02-06~2027-02-12"],"workdays":[...],"source":"..."}）',
    )
    .argument('<file>', 'JSON 文件')
    .action(async (file: string) => {
      const { importYearFile } = await import('../calendarImport.js')
      process.exitCode = await importYearFile(file)
    })
  cal
    .command('show')
    .description('显示某一年的放假日和调休上班日及其来源')
    .argument('[year]', '年份', String(new Date().getFullYear()))
    .action(async (year: string) => {
      const { showYear } = await import('../calendarImport.js')
      process.exitCode = await showYear(Number(year))
    })
}
