import type { Command } from 'commander'

export function registerAuditLogCommands(program: Command): void {
  const log = program.command('audit-log').description('审计日志（SM3 哈希链、密钥签名、锚点）：谁在何时从何处做了什么')
  log
    .command('verify')
    .description('校验审计日志：哈希链、每条记录的密钥签名，并与最新锚点核对；有记录被改动、删除、截断或清空时失败')
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { verifyAuditLog } = await import('../../services/auditLog.js')
      await withStore(async (store) => {
        const r = await verifyAuditLog(store.db)
        if (r.ok) {
          const against = r.anchor
            ? `，与第 ${r.anchor.n} 个锚点（${r.anchor.at}，第 ${r.anchor.seq} 条）相符`
            : '；尚无锚点，无法发现截断或清空，请运行 gongkai audit-log anchor'
          process.stdout.write(`审计日志校验通过：共 ${r.count} 条记录，SM3 哈希链与密钥签名完整${against}\n`)
          return
        }
        for (const p of r.problems) process.stderr.write(`✗ ${p.message}\n`)
        process.stderr.write(`审计日志校验失败：${r.problems.length} 处问题（共 ${r.count} 条记录）\n`)
        process.exitCode = 1
      })
    })
  log
    .command('anchor')
    .description('校验后写入一个签名锚点（链头的序号和 SM3 哈希）到只追加的锚点文件，并打印出来：请抄存到库外')
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { AuditChainBroken, auditAnchorsFile, writeAuditAnchor } = await import('../../services/auditLog.js')
      await withStore(async (store) => {
        try {
          const a = await writeAuditAnchor(store.db)
          if (!a) return
          process.stdout.write(`${JSON.stringify(a)}\n`)
          process.stdout.write(
            `锚点 #${a.n}：截至第 ${a.seq} 条记录，链头 SM3 ${a.hash}，签名 ${a.sig}（已追加到 ${auditAnchorsFile()}）\n`,
          )
        } catch (err) {
          if (!(err instanceof AuditChainBroken)) throw err
          for (const p of err.problems) process.stderr.write(`✗ ${p.message}\n`)
          process.stderr.write(`${err.message}\n`)
          process.exitCode = 1
        }
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
