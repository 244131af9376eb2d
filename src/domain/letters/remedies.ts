import type { CalendarDay } from '../calendar/calendarDay.js'
import type { ItemResult } from '../application/outcomes.js'
import { reportedOutcomeOf } from '../application/outcomes.js'

/** Where an applicant may turn, as configured for the agency (行政复议法 2023 第二十四条: the same-level government). */
export interface RemedyBodies {
  reviewBody: string
  court: string
}

// 行政复议法（2023年修订）施行之日
const REVIEW_FIRST_FROM = '2024-01-01'

/** An item is withheld when its reportable outcome is 不予公开 (any of the eight) or 部分公开 (the withheld part). */
function isWithheld(result: ItemResult): boolean {
  const o = reportedOutcomeOf(result)
  return o.startsWith('withheld.') || o === 'partiallyDisclosed'
}

/**
 * 行政复议法（2023）第二十三条第一款第（四）项、第二款 and 法释〔2025〕8号: a 不予公开 decision (and the withheld part of
 * a 部分公开 one) dated 2024-01-01 or later must go to 行政复议 first; other answers (无法提供, 不予处理 …) may go to
 * review or straight to court. Before 2024-01-01 the applicant could choose either.
 */
export function reviewFirst(results: readonly ItemResult[], decidedOn: CalendarDay): boolean {
  return decidedOn >= REVIEW_FIRST_FROM && results.some(isWithheld)
}

/**
 * The remedies paragraph every letter carries: the review right, the review body and the 60-day period (calendar
 * days, 行政复议法 第二十条; omitting any of them lets the period run up to one year), and the lawsuit option
 * (6 months, 行政诉讼法 第四十六条; 15 days after a review decision, 第四十五条) where the law allows it.
 */
export function remediesText(results: readonly ItemResult[], decidedOn: CalendarDay, bodies: RemedyBodies): string[] {
  const review = `如对本决定不服，可以自收到本文书之日起60日内向${bodies.reviewBody}申请行政复议`
  const afterReview = `对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向${bodies.court}提起行政诉讼`
  const direct = `也可以自收到本文书之日起6个月内直接向${bodies.court}提起行政诉讼`
  if (!reviewFirst(results, decidedOn)) return [`${review}；${direct}。`]
  const allWithheld = results.every(isWithheld) && !results.some((r) => reportedOutcomeOf(r) === 'partiallyDisclosed')
  const first =
    `${review}（依据《中华人民共和国行政复议法》第二十三条，对不予公开政府信息的决定不服的，应当先申请行政复议）；` +
    `${afterReview}。`
  if (allWithheld) return [first]
  return [
    `对本决定中不予公开的部分：${first}`,
    `对本决定的其他部分，可以自收到本文书之日起60日内向${bodies.reviewBody}申请行政复议，${direct}。`,
  ]
}
