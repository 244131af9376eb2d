import '../services/zodLocale.js'
import { Command } from 'commander'
import { registerCalendarCommands } from './commands/calendar.js'
import { registerCoreCommands } from './commands/core.js'
import { registerDeadlineCommand } from './commands/deadline.js'
import { registerReportCommands } from './commands/report.js'
import { registerImportCommands } from './commands/importApplications.js'
import { registerAuditCommand } from './commands/audit.js'
import { registerAuditLogCommands } from './commands/auditLog.js'
import { registerBackupCommands } from './commands/backup.js'
import { registerUserCommands } from './commands/users.js'
import { registerReminderCommands } from './commands/reminders.js'
import { registerOutboxCommands } from './commands/outbox.js'
import { registerImportDocumentsCommand } from './commands/importDocuments.js'
import { registerServiceItemCommands } from './commands/serviceItems.js'
import { registerInspectionCommands } from './commands/inspections.js'
import { registerArchiveCommands } from './commands/archive.js'
import { registerSiteInspectionCommands } from './commands/siteInspection.js'
import { registerRetentionCommands } from './commands/retention.js'
import { registerKeysCommands } from './commands/keys.js'

// Each register* only declares its commands; the work behind them is imported when the command runs,
// so `gongkai deadline` and `gongkai --help` never load the server, the database drivers or the exporters.
const program = new Command()
program
  .name('gongkai')
  .description('gongkai（公开）政府信息公开平台：主动公开、依申请公开、年度报告')
  .version('0.1.0')
  .showHelpAfterError('（运行 gongkai --help 查看用法）')

for (const register of [
  registerCoreCommands,
  registerDeadlineCommand,
  registerCalendarCommands,
  registerReportCommands,
  registerImportCommands,
  registerAuditCommand,
  registerAuditLogCommands,
  registerBackupCommands,
  registerUserCommands,
  registerReminderCommands,
  registerOutboxCommands,
  registerImportDocumentsCommand,
  registerServiceItemCommands,
  registerInspectionCommands,
  registerArchiveCommands,
  registerSiteInspectionCommands,
  registerRetentionCommands,
  registerKeysCommands,
])
  register(program)

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`错误：${message}\n`)
  process.exitCode = 2
})
