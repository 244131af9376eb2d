import type { Command } from 'commander'
import type { DeadlineOptions } from '../deadline.js'

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function registerDeadlineCommand(program: Command): void {
  program
    .command('deadline')
    .description('计算申请的补正告知期限、答复期限和延期后的期限；可加入补正、征求意见、收费和延期')
    .requiredOption('--received <YYYY-MM-DD>', '收到申请之日（与 --online-at 同用时为网上提交之日）')
    .option(
      '--online-at <HH:MM>',
      '网上提交的时间：非工作日或下班后提交的，以下一个工作日为收到之日（第三十一条第（三）项）',
    )
    .option('--supplement-requested <YYYY-MM-DD>', '告知补正之日（第三十条）')
    .option('--supplement-received <YYYY-MM-DD>', '收到补正材料之日：答复期限自此重新起算')
    .option('--consultation <发出[/收到][~结束]>', '征求第三方意见（第三十二条），可重复', collect)
    .option('--agency-consultation <发出[/收到][~结束]>', '征求其他机关意见（第三十四条），可重复', collect)
    .option('--fee <发出[/收到][~缴费]>', '收费通知（国办函〔2020〕109号），可重复', collect)
    .option('--extension <天数@告知日期>', '延期答复（第三十三条第二款，合计不超过20个工作日），可重复', collect)
    .option('--via <electronic|inPerson|post>', '未写收到日期的函件的发送方式（按其推定送达期限计算），默认 post')
    .option('--today <YYYY-MM-DD>', '计算之日（未结束的征求意见或缴费期间算至此日），默认为最后一个事件之日')
    .option('--json', '输出一个 JSON 对象')
    .action(async (opts: DeadlineOptions) => {
      const { runDeadline } = await import('../deadline.js')
      process.exitCode = await runDeadline(opts)
    })
}
