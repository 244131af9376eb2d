import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays } from '../calendar/calendarDay.js'

/** 意见征集: open for comments between its dates, unless the office closed it earlier. */
export function isTakingComments(
  c: { status: string; opensOn: CalendarDay; closesOn: CalendarDay },
  today: CalendarDay,
) {
  return c.status === 'open' && compareDays(today, c.opensOn) >= 0 && compareDays(today, c.closesOn) <= 0
}

/** A comment's moderation: nothing is shown before the office let it through. */
export const COMMENT_STATES = [
  { code: 'pending', label: '待审核' },
  { code: 'shown', label: '已公开' },
  { code: 'hidden', label: '不予公开' },
] as const

export interface FeedbackCounts {
  received: number
  adopted: number
  notAdopted: number
}

/**
 * 采纳情况 counted from the comments: every comment received is an opinion (shown or not: moderation decides
 * what the public reads, not what the office weighs), adopted or not as the office marked it.
 */
export function feedbackCounts(comments: readonly { adopted: boolean | null }[]): FeedbackCounts {
  const adopted = comments.filter((c) => c.adopted === true).length
  return { received: comments.length, adopted, notAdopted: comments.length - adopted }
}

/** The sentence the feedback opens with, from the counts. */
export function feedbackSummary(c: FeedbackCounts): string {
  if (c.received === 0) return '征求意见期间未收到意见建议。'
  return `征求意见期间共收到意见建议${c.received}条，采纳${c.adopted}条，未采纳${c.notAdopted}条。`
}
