import type { Command } from 'commander'

// Service items, 双随机 draws, archive packages, site inspection (issue 18). Work is imported when a command runs.

async function today(opt: string | undefined) {
  const { calendarDay, shanghaiDay } = await import('../../domain/calendar/calendarDay.js')
  return opt ? calendarDay(opt) : shanghaiDay(new Date())
}

export function registerIssue18Commands(program: Command): void {
  program
    .command('services')
    .description('政务服务事项')
    .command('import')
    .description('导入政务服务事项及办事指南（常见的事项清单表格：.xlsx 或 .csv；指南有变化的事项生成新版本）')
    .requiredOption('--agency <机关>', '机关的统一社会信用代码或全称')
    .option('--today <day>', '以该日为生效日期（YYYY-MM-DD，默认今天）')
    .argument('<file>', '事项清单文件')
    .action(async (file: string, opts: { agency: string; today?: string }) => {
      const { readFile } = await import('node:fs/promises')
      const { withStore } = await import('../withStore.js')
      const { systemActor } = await import('../../services/actor.js')
      const { readServiceSheet } = await import('../../services/serviceItems/sheet.js')
      const { importServiceItems } = await import('../../services/serviceItems/importServiceItems.js')
      const rows = await readServiceSheet(await readFile(file), file)
      const day = await today(opts.today)
      await withStore(async (store) => {
        const r = await importServiceItems({ store, actor: systemActor(), agency: opts.agency, rows, today: day })
        process.stdout.write(`新增事项 ${r.created} 项，指南更新 ${r.revised} 项，未变 ${r.unchanged} 项\n`)
      })
    })

  const draw = program.command('draw').description('双随机抽查：核对公布的抽取结果')
  draw
    .command('verify')
    .description('按公布的种子和名录重算抽取结果并核对名录指纹（SM3），无需数据库')
    .argument('<source>', '公布的抽查记录：文件路径，或 http(s) 地址（/api/inspections/draws/编号）')
    .action(async (source: string) => {
      const { verifyPublishedDraw } = await import('../drawVerify.js')
      const r = await verifyPublishedDraw(source)
      process.stdout.write(r.text)
      if (!r.ok) process.exitCode = 1
    })

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
      const day = await today(opts.today)
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

  program
    .command('inspect-site')
    .description('网站检查：逐页检查公开页面的链接（站内按路由，外部链接默认不查）和各栏目更新情况')
    .option('--today <day>', '以该日为检查日（YYYY-MM-DD，默认今天）')
    .option('--external', '同时检查外部链接（会访问外部网站）')
    .action(async (opts: { today?: string; external?: boolean }) => {
      const { withStore } = await import('../withStore.js')
      const { inspectSite } = await import('../inspectSite.js')
      const day = await today(opts.today)
      await withStore(async (store) => {
        const r = await inspectSite(store, day, opts.external === true)
        process.stdout.write(r.text)
        if (r.failed) process.exitCode = 1
      })
    })
}
