import type { Command } from 'commander'

export function registerReminderCommands(program: Command): void {
  program
    .command('reminders')
    .description(
      '检查即将到期和已超期的申请及尚未发布的上一年度年度报告，在工作台提醒（GONGKAI_REMINDER_WEBHOOK 设置时另推送 webhook）',
    )
    .option('--today <day>', '以该日为今天（YYYY-MM-DD，默认今天）')
    .action(async (opts: { today?: string }) => {
      const { withStore } = await import('../withStore.js')
      const { runReminders, webhookUrlFromEnv } = await import('../../jobs/reminders.js')
      const { calendarDay, shanghaiDay } = await import('../../domain/calendar/calendarDay.js')
      const today = opts.today ? calendarDay(opts.today) : shanghaiDay(new Date())
      await withStore(async (store) => {
        const r = await runReminders(store, today, { webhookUrl: webhookUrlFromEnv() })
        process.stdout.write(
          `检查在办申请 ${r.checked} 件：即将到期 ${r.dueSoon} 件，已超期 ${r.overdue} 件；新提醒 ${r.created.length} 条`,
        )
        process.stdout.write(
          r.webhook.sent + r.webhook.failed ? `；webhook 成功 ${r.webhook.sent}，失败 ${r.webhook.failed}\n` : '\n',
        )
        for (const n of r.created) process.stdout.write(`  ${n.message}\n`)
        if (r.reports.length) process.stdout.write(`年度报告提醒 ${r.reports.length} 条\n`)
        for (const n of r.reports) process.stdout.write(`  ${n.message}\n`)
        if (r.webhook.failed) process.exitCode = 1
      })
    })
}
