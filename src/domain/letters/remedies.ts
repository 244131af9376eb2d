import type { CalendarDay } from '../calendar/calendarDay.js'
import type { ItemResult } from '../application/outcomes.js'
import { reportedOutcomeOf } from '../application/outcomes.js'
import { isWithheldGround, restsOnArticles14to16 } from './withheldGrounds.js'

/** Where an applicant may turn: the agency's review body (行政复议法 2023 第二十四至二十八条, decision 0010) and court. */
export interface RemedyBodies {
  reviewBody: string
  court: string
}

// 行政复议法（2023年修订）施行之日
const REVIEW_FIRST_FROM = '2024-01-01'

/** An answered item as the remedies rule sees it: its result, and the ground of a 部分公开 answer's withheld part. */
export type DecidedItem = ItemResult | { result: ItemResult; withheldGround?: string | undefined }

/**
 * 行政复议法（2023）第二十三条第一款第（四）项 and 法释〔2025〕8号 第一条: review comes first only for a 不予公开 decision
 * resting on 《条例》第十四条至第十六条 (and the withheld part of a 部分公开 one, when that part rests on them); a
 * 行政查询事项 answer, like 无法提供 and 不予处理 ones, may go to review or straight to court. A 部分公开 answer recorded
 * without its ground is treated as resting on them.
 */
function needsReviewFirst(item: DecidedItem): boolean {
  const { result, withheldGround } = typeof item === 'string' ? { result: item, withheldGround: undefined } : item
  if (isWithheldGround(result)) return restsOnArticles14to16(result)
  if (reportedOutcomeOf(result) === 'partiallyDisclosed')
    return withheldGround ? restsOnArticles14to16(withheldGround) : true
  return false
}

const isPartial = (item: DecidedItem) =>
  reportedOutcomeOf(typeof item === 'string' ? item : item.result) === 'partiallyDisclosed'

/** Review before a lawsuit: an answer dated 2024-01-01 or later with an item that needs it (needsReviewFirst). */
export function reviewFirst(items: readonly DecidedItem[], decidedOn: CalendarDay): boolean {
  return decidedOn >= REVIEW_FIRST_FROM && items.some(needsReviewFirst)
}

/**
 * The remedies paragraph every deciding letter carries (letterDecides): the review right, the review body and the 60-day period (calendar
 * days, 行政复议法 第二十条; omitting any of them lets the period run up to one year), and the lawsuit option
 * (6 months, 行政诉讼法 第四十六条; 15 days after a review decision, 第四十五条) where the law allows it.
 */
export function remediesText(results: readonly DecidedItem[], decidedOn: CalendarDay, bodies: RemedyBodies): string[] {
  const review = `如对本决定不服，可以自收到本文书之日起60日内向${bodies.reviewBody}申请行政复议`
  const afterReview = `对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向${bodies.court}提起行政诉讼`
  const direct = `也可以自收到本文书之日起6个月内直接向${bodies.court}提起行政诉讼`
  if (!reviewFirst(results, decidedOn)) return [`${review}；${direct}。`]
  const allWithheld = results.every(needsReviewFirst) && !results.some(isPartial)
  const first =
    `${review}（依据《中华人民共和国行政复议法》第二十三条，对不予公开政府信息的决定不服的，应当先申请行政复议）；` +
    `${afterReview}。`
  if (allWithheld) return [first]
  return [
    `对本决定中不予公开的部分：${first}`,
    `对本决定的其他部分，可以自收到本文书之日起60日内向${bodies.reviewBody}申请行政复议，${direct}。`,
  ]
}
