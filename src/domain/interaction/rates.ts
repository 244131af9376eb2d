/**
 * The two rates the 衢州 report states for its 政务咨询投诉举报平台 (按时办结率, 满意率), from counts of records.
 * docs/decisions/0038-interaction-rates.md: 按时办结率 = answered by the last day / answered; 满意率 =
 * (满意 + 基本满意) / rated. Null when there is nothing to divide by (shown as “—”, never as 0 % or 100 %).
 */
export interface LetterCounts {
  received: number
  answered: number
  answeredOnTime: number
  rated: number
  satisfied: number
  basic: number
  dissatisfied: number
}

export function onTimeRate(c: Pick<LetterCounts, 'answered' | 'answeredOnTime'>): number | null {
  return c.answered === 0 ? null : c.answeredOnTime / c.answered
}

export function satisfactionRate(c: Pick<LetterCounts, 'rated' | 'satisfied' | 'basic'>): number | null {
  return c.rated === 0 ? null : (c.satisfied + c.basic) / c.rated
}

/** A rate as the reports print it: 97.74%, 100% (two decimals, trailing zeros dropped). */
export function percent(rate: number | null): string {
  if (rate === null) return '—'
  return `${Number((rate * 100).toFixed(2))}%`
}

/** A count ratio (解决率, 按期处置率 of another channel): null without a denominator or numerator. */
export function ratioOf(part: number | null, whole: number): number | null {
  return part === null || whole === 0 ? null : part / whole
}

export function emptyLetterCounts(): LetterCounts {
  return { received: 0, answered: 0, answeredOnTime: 0, rated: 0, satisfied: 0, basic: 0, dissatisfied: 0 }
}
