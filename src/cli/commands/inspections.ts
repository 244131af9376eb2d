import type { Command } from 'commander'

// 双随机、一公开: checking a published draw. Work is imported when a command runs.

export function registerInspectionCommands(program: Command): void {
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
}
