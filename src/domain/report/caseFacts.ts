import type { ApplicationClock } from '../application/clock.js'
import type { ApplicationEvent } from '../application/events.js'
import type { ExtraAnswerKind } from '../application/outcomes.js'
import { ANSWER_KINDS } from '../application/outcomes.js'

/** What the annual report needs to know about one case beyond its reportable outcome (stored copies). */
export interface CaseReportFacts {
  /** the Art. 36 kind of the answer when every item was answered with that same kind (统计表 rows) */
  answerKind: ExtraAnswerKind | null
  extended: boolean
  /** the clock's answeredLate: only an answer after the deadline in force is late */
  answeredLate: boolean
  feeNoticedOn: string | null
  feeYuan: number | null
  feePaidOn: string | null
}

const isExtraKind = (s: string): s is ExtraAnswerKind => ANSWER_KINDS.some((k) => k.code === s)

/**
 * The report facts of a case history. An answer whose items were all answered with one Art. 36 kind that has
 * no row of its own in 表三 (已主动公开, 不属于本机关, 特别规定) keeps that kind for the 统计表, which has rows
 * for them (属于已主动公开范围数, 不属于本行政机关公开数, 告知通过其他途径办理数); an override drops it.
 */
export function caseReportFacts(events: readonly ApplicationEvent[], clock: ApplicationClock): CaseReportFacts {
  let answerKind: ExtraAnswerKind | null = null
  let feeNoticedOn: string | null = null
  let feeYuan: number | null = null
  let feePaidOn: string | null = null
  for (const e of events) {
    if (e.kind === 'answered') {
      const kinds = new Set(e.items.map((it) => it.result))
      const [only] = [...kinds]
      answerKind = !e.override && kinds.size === 1 && only !== undefined && isExtraKind(only) ? only : null
    } else if (e.kind === 'feeNoticed') {
      feeNoticedOn = e.on
      feeYuan = e.amountYuan
    } else if (e.kind === 'feePaid') {
      feePaidOn = e.on
    }
  }
  return {
    answerKind,
    extended: clock.extension !== null,
    answeredLate: clock.answeredLate,
    feeNoticedOn,
    feeYuan,
    feePaidOn,
  }
}
