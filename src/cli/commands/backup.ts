import type { Command } from 'commander'

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      '在线备份（服务不停）：数据库一致副本（SQLite VACUUM INTO / PostgreSQL pg_dump）、附件、审计锚点和 SM3 校验清单',
    )
    .requiredOption('--out <DIR>', '备份目录（新目录或空目录）')
    .addHelpText('after', '\n审计密钥不在备份中，请另行保管（见 docs/operations.md）')
    .action(async (opts: { out: string }) => {
      const { resolve } = await import('node:path')
      const { withStore } = await import('../withStore.js')
      const { databaseUrl } = await import('../../store/database.js')
      const { makeBackup } = await import('../../services/backup.js')
      const out = resolve(opts.out)
      await withStore(async (store) => {
        const m = await makeBackup({ store, url: databaseUrl(), outDir: out })
        const counts = m.counts
          ? `；申请 ${m.counts.applications} 件、申请附件 ${m.counts.application_files} 个、公开附件 ${m.counts.attachments} 个、审计记录 ${m.counts.audit_log} 条`
          : ''
        process.stdout.write(
          `备份完成：${out}（${m.engine}，${m.files.length} 个文件，清单 manifest.json 含各文件 SM3${counts}）\n`,
        )
      })
    })
  program
    .command('restore')
    .description('从备份恢复到 GONGKAI_DB 指定的新数据库（SQLite 新文件或 PostgreSQL 空库）和数据目录；先逐一核对 SM3')
    .requiredOption('--from <DIR>', '备份目录')
    .action(async (opts: { from: string }) => {
      const { resolve } = await import('node:path')
      const { databaseUrl } = await import('../../store/database.js')
      const { dataDir } = await import('../../store/dataDir.js')
      const { restoreBackup } = await import('../../services/backup.js')
      const m = await restoreBackup({ from: resolve(opts.from), url: databaseUrl() })
      process.stdout.write(
        `恢复完成：备份时间 ${m.createdAt}，${m.files.length} 个文件 SM3 核对无误；数据目录 ${dataDir()}\n`,
      )
    })
}
