/**
 * The ranking score of the supervisor's console (docs/decisions/0042-supervision-score.md): four parts, each
 * between 0 and 1, weighted by the supervisor and scaled to 100. A part without anything to measure (no case
 * answered, no review decided …) is left out and the others' weights count in full; an agency with none of the
 * four has no score (null) and is ranked after every scored one.
 *
 *   onTime      answered on time ÷ answered                      (needs an answer)
 *   notOverdue  1 − overdue now ÷ (overdue now + answered)        (needs an answer or an overdue case)
 *   upheld      1 − 纠正 ÷ reviews and lawsuits decided            (needs a decision)
 *   proactive   items published ÷ the most any agency compared published   (needs one agency to publish)
 */
export interface ScoreWeights {
  onTime: number
  notOverdue: number
  upheld: number
  proactive: number
}

export const DEFAULT_WEIGHTS: ScoreWeights = { onTime: 40, notOverdue: 30, upheld: 20, proactive: 10 }

export const WEIGHT_LABELS: Record<keyof ScoreWeights, string> = {
  onTime: '按时答复率',
  notOverdue: '无超期未办',
  upheld: '复议诉讼未被纠正',
  proactive: '主动公开数量',
}

export interface ScoreInput {
  answered: number
  late: number
  overdueNow: number
  decided: number
  corrected: number
  proactive: number
}

/** The score (0–100, one decimal) of one agency, or null when none of its parts applies. */
export function supervisionScore(a: ScoreInput, mostProactive: number, w: ScoreWeights): number | null {
  const parts: [number, number | null][] = [
    [w.onTime, a.answered > 0 ? (a.answered - a.late) / a.answered : null],
    [w.notOverdue, a.overdueNow + a.answered > 0 ? 1 - a.overdueNow / (a.overdueNow + a.answered) : null],
    [w.upheld, a.decided > 0 ? 1 - a.corrected / a.decided : null],
    [w.proactive, mostProactive > 0 ? a.proactive / mostProactive : null],
  ]
  const applied = parts.filter((p): p is [number, number] => p[1] !== null)
  const total = applied.reduce((s, [weight]) => s + weight, 0)
  if (total <= 0) return null
  return Math.round((applied.reduce((s, [weight, part]) => s + weight * part, 0) / total) * 1000) / 10
}

/** 纠正率: corrected ÷ decided, null when nothing was decided. */
export function correctedRate(decided: number, corrected: number): number | null {
  return decided > 0 ? corrected / decided : null
}
