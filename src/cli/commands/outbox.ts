import type { Command } from 'commander'

export function registerOutboxCommands(program: Command): void {
  const outbox = program.command('outbox').description('申请人消息（电子邮件、短信）发件箱')
  outbox
    .command('send')
    .description(
      '发送到期的消息，失败的按 1、5、30 分钟和 2、12 小时重试（GONGKAI_SMTP_URL、GONGKAI_MAIL_FROM、GONGKAI_SMS_URL、GONGKAI_SMS_TOKEN；见 docs/notifications.md）',
    )
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { deliverOutbox } = await import('../../services/notifications/deliverOutbox.js')
      const { messagingConfigFromEnv } = await import('../../services/notifications/config.js')
      const { transportsFor } = await import('../../services/notifications/transports.js')
      const transports = transportsFor(messagingConfigFromEnv())
      try {
        await withStore(async (store) => {
          const r = await deliverOutbox({ store, transports, now: new Date() })
          process.stdout.write(
            `已发送 ${r.sent} 条；失败待重试 ${r.retrying} 条；放弃（工作台可见）${r.failed} 条；未配置发送方式 ${r.waiting} 条\n`,
          )
          if (r.failed) process.exitCode = 1
        })
      } finally {
        transports.close()
      }
    })
}
