import { z } from 'zod'

// The quarterly 通报 (福州 seed: "每季度对各处室、单位政务公开工作情况进行通报"): the figures as generated are kept
// with it, so a published 通报 says what it said then, whatever the records say later.

const line = z.object({
  agency: z.string(),
  depth: z.number(),
  received: z.number(),
  answered: z.number(),
  onTime: z.number(),
  late: z.number(),
  overdueNow: z.number(),
  correctedRate: z.number().nullable(),
  proactive: z.number(),
  score: z.number().nullable(),
  rank: z.number(),
})

export const bulletinFigures = z.object({
  root: z.string(),
  period: z.string(),
  /** the day the figures were read (overdue counts are of that day) */
  asOf: z.string(),
  weights: z.record(z.string(), z.number()),
  lines: z.array(line),
  total: z.object({ received: z.number(), answered: z.number(), onTime: z.number(), overdueNow: z.number() }),
  overdue: z.array(z.object({ agency: z.string(), count: z.number() })),
  reports: z.array(z.object({ agency: z.string(), issue: z.string() })),
})

export type BulletinFigures = z.infer<typeof bulletinFigures>
export type BulletinLine = z.infer<typeof line>

/** The text fields a supervisor edits: title, 文号, opening and closing paragraphs. */
export const bulletinText = z.object({
  title: z.string().trim().min(4, '请填写通报标题').max(100, '通报标题过长（不超过100字）'),
  docNo: z.string().trim().max(50, '文号过长（不超过50字）'),
  intro: z.string().trim().min(1, '请填写通报开头的说明').max(5000, '开头说明过长（不超过5000字）'),
  closing: z.string().trim().max(5000, '结尾要求过长（不超过5000字）'),
})

export type BulletinText = z.infer<typeof bulletinText>

const pct = (n: number, d: number) => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : '—')

/** The draft's text, from its figures: the supervisor edits it before publishing. */
export function draftBulletinText(f: BulletinFigures): BulletinText {
  const best = f.lines.filter((l) => l.rank === 1).map((l) => l.agency)
  const overdue = f.overdue.map((o) => `${o.agency}（${o.count}件）`)
  return {
    title: `关于${f.period}政务公开工作情况的通报`,
    docNo: '',
    intro:
      `为推动政务公开工作落实，现将${f.period}${f.root}及所属单位政务公开工作情况通报如下。\n` +
      `本季度共收到政府信息公开申请${f.total.received}件，办结${f.total.answered}件，按时答复率${pct(f.total.onTime, f.total.answered)}。` +
      (best.length ? `综合得分排名第一的是${best.join('、')}。` : '') +
      (overdue.length
        ? `截至${f.asOf}，${overdue.join('、')}存在超期未办的申请，请立即办理。`
        : '截至通报日无超期未办的申请。'),
    closing:
      '各单位要对照通报，认真查找问题，及时整改，依法按时答复政府信息公开申请，按期发布政府信息公开工作年度报告。' +
      '通报结果将作为年度政务公开工作考核的依据。',
  }
}
