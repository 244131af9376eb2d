import type { Command } from 'commander'

export function registerAuditLogCommands(program: Command): void {
  const log = program.command('audit-log').description('审计日志（SM3 哈希链）：谁在何时从何处做了什么')
  log
    .command('verify')
    .description('校验审计日志哈希链；有记录被改动或删除时失败并指出是哪一条')
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { verifyAuditLog } = await import('../../services/auditLog.js')
      await withStore(async (store) => {
        const r = await verifyAuditLog(store.db)
        if (r.ok) {
          process.stdout.write(`审计日志校验通过：共 ${r.count} 条记录，SM3 哈希链完整\n`)
          return
        }
        for (const p of r.problems) process.stderr.write(`✗ ${p.message}\n`)
        process.stderr.write(`审计日志校验失败：${r.problems.length} 处问题（共 ${r.count} 条记录）\n`)
        process.exitCode = 1
      })
    })
  log
    .command('show')
    .description('显示最近的审计记录')
    .option('--limit <n>', '条数', '20')
    .action(async (opts: { limit: string }) => {
      const { withStore } = await import('../withStore.js')
      const { listAudit } = await import('../../services/auditLog.js')
      await withStore(async (store) => {
        for (const r of await listAudit(store.db, { limit: Number(opts.limit) || 20 })) {
          process.stdout.write(`${r.seq}\t${r.at}\t${r.actor}\t${r.ip}\t${r.action}\t${r.target_type}:${r.target_id}\n`)
        }
      })
    })
}
