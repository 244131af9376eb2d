import type { Command } from 'commander'

export function registerRetentionCommands(program: Command): void {
  const retention = program.command('retention').description('个人信息保存期限（依申请公开申请人的个人信息）')
  retention
    .command('run')
    .description('匿名化已办结、超过本机关保存期限的申请案卷中的申请人个人信息（见 docs/personal-data.md“保存期限”）')
    .option('--dry-run', '只统计到期的案件，不作改动')
    .option('--today <day>', '按哪一天计算是否到期（YYYY-MM-DD，默认今天，北京时间）')
    .action(async (opts: { dryRun?: boolean; today?: string }) => {
      const { withStore } = await import('../withStore.js')
      const { calendarDay, shanghaiDay } = await import('../../domain/calendar/calendarDay.js')
      const { systemActor } = await import('../../services/actor.js')
      const { runRetention, retentionWorkload } = await import('../../services/retention/runRetention.js')
      const { SingleBar, Presets } = await import('cli-progress')
      const today = opts.today ? calendarDay(opts.today) : shanghaiDay(new Date())
      await withStore(async (store) => {
        const bar = new SingleBar(
          {
            stream: process.stderr,
            format: '检查已办结案件 [{bar}] {value}/{total}',
            noTTYOutput: true,
            notTTYSchedule: 2000,
            hideCursor: true,
          },
          Presets.shades_classic,
        )
        bar.start(await retentionWorkload(store), 0)
        try {
          const r = await runRetention({
            store,
            actor: systemActor(),
            today,
            dryRun: opts.dryRun === true,
            onProgress: (seen) => bar.update(seen),
          })
          bar.stop()
          process.stdout.write(
            `${r.dryRun ? '试运行（未作改动）：' : ''}检查已办结案件 ${r.casesSeen} 件；${r.dryRun ? '到期应匿名化' : '已匿名化'} ${r.casesAnonymised} 件；删除申请人附件 ${r.filesRemoved} 个；清除消息正文 ${r.messagesCleared} 条；共 ${r.batches} 批（记录 #${r.runId}）\n`,
          )
        } finally {
          bar.stop()
        }
      })
    })
}
