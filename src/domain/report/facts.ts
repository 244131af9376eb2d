import type { ApplicantKind } from '../application/applicant.js'
import type { InteractionFacts } from '../interaction/yearFacts.js'

/**
 * What one pass of SQL over a year's applications yields for one applicant kind (the report's raw counts).
 * Arrays follow the order of the domain lists: OUTCOME_CODES, CHANNELS, TOPICS, ANSWER_KINDS.
 */
export interface KindCounts {
  /** 本年新收: received in the year */
  newReceived: number
  /** 上年结转: received before the year, still open on 1 January */
  carriedOver: number
  /** 结转下年度: received by 31 December, still open on 31 December */
  carriedForward: number
  /** concluded in the year, by reportable outcome */
  outcomes: number[]
  /** received in the year, by channel */
  channels: number[]
  /** received in the year, by legacy topic (cases without one are counted under 其它) */
  topics: number[]
  /** concluded in the year with an Art. 36 kind of answer that has no 表三 row of its own */
  answerKinds: number[]
  /** concluded in the year after an extension */
  extended: number
  /** concluded in the year after the deadline */
  late: number
  /** 信息处理费: notices sent in the year, their amount, and the amount paid in the year (yuan) */
  feeNotices: number
  feeNoticedYuan: number
  feeCollectedYuan: number
}

export interface ReviewFacts {
  /** decided in the year, by result */
  upheld: number
  corrected: number
  other: number
  /** filed by 31 December and not decided by then */
  pending: number
}

export type ReviewKind = 'review' | 'lawsuitDirect' | 'lawsuitAfterReview'
export const REVIEW_KIND_CODES: readonly ReviewKind[] = ['review', 'lawsuitDirect', 'lawsuitAfterReview']

/** Everything a report is built from: counts from records, and the figures staff entered. */
export interface ReportFacts {
  byKind: Partial<Record<ApplicantKind, KindCounts>>
  reviews: Record<ReviewKind, ReviewFacts>
  /** entered figures in force, by key (null = entered as blank) */
  figures: Record<string, number | null>
  /** items counted from the catalog (published documents: 统计表 items, 表二 第二十条第（一）项); an entered figure of the same key wins */
  catalog?: Record<string, number>
  /** the year's 政民互动 records (issue 16): the 统计表's rows on channels, responses and complaints, the narrative */
  interaction?: InteractionFacts
}

export function emptyKindCounts(lengths: {
  outcomes: number
  channels: number
  topics: number
  answerKinds: number
}): KindCounts {
  return {
    newReceived: 0,
    carriedOver: 0,
    carriedForward: 0,
    outcomes: Array<number>(lengths.outcomes).fill(0),
    channels: Array<number>(lengths.channels).fill(0),
    topics: Array<number>(lengths.topics).fill(0),
    answerKinds: Array<number>(lengths.answerKinds).fill(0),
    extended: 0,
    late: 0,
    feeNotices: 0,
    feeNoticedYuan: 0,
    feeCollectedYuan: 0,
  }
}

export function emptyReviewFacts(): Record<ReviewKind, ReviewFacts> {
  const z = (): ReviewFacts => ({ upheld: 0, corrected: 0, other: 0, pending: 0 })
  return { review: z(), lawsuitDirect: z(), lawsuitAfterReview: z() }
}
