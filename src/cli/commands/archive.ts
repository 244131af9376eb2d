import type { Command } from 'commander'
import { todayOption } from './todayOption.js'

// Annual archive packages of what was disclosed, for the archives. Work is imported when a command runs.

export function registerArchiveCommands(program: Command): void {
  const archive = program.command('archive').description('年度归档包：主动公开信息报送档案馆')
  archive
    .command('build')
    .description('生成机关某年度主动公开信息的归档包（含附件、manifest.json 和 SM3 校验清单）')
    .requiredOption('--agency <机关>', '机关的统一社会信用代码或全称')
    .requiredOption('--year <年度>', '年度')
    .option('--out <目录>', '输出目录', './archive')
    .option('--today <day>', '以该日为今天（YYYY-MM-DD，默认今天）')
    .action(async (opts: { agency: string; year: string; out: string; today?: string }) => {
      const { withStore } = await import('../withStore.js')
      const { systemActor } = await import('../../services/actor.js')
      const { localDiskStorage } = await import('../../services/catalog/attachmentStorage.js')
      const { buildArchive } = await import('../../services/archive/archivePackage.js')
      const day = await todayOption(opts.today)
      await withStore(async (store) => {
        const r = await buildArchive({
          store,
          actor: systemActor(),
          storage: localDiskStorage(),
          agency: opts.agency,
          year: Number(opts.year),
          outDir: opts.out,
          today: day,
        })
        process.stdout.write(`归档包已生成：${r.dir}（信息 ${r.items} 条，文件 ${r.files} 个）\n`)
      })
    })
  archive
    .command('verify')
    .description('校验归档包：逐个文件核对 SM3，指出被改动、缺少或多出的文件')
    .argument('<package>', '归档包目录')
    .action(async (pkg: string) => {
      const { verifyArchive } = await import('../../services/archive/archivePackage.js')
      const r = await verifyArchive(pkg)
      if (r.ok) process.stdout.write(`归档包校验通过：信息 ${r.items} 条，文件 ${r.files} 个，SM3 全部一致\n`)
      else {
        process.stdout.write(`归档包校验未通过（${r.problems.length} 处）：\n`)
        for (const p of r.problems) process.stdout.write(`  ${p}\n`)
        process.exitCode = 1
      }
    })
}
