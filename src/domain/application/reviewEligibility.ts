import type { ApplicationClock } from './clock.js'
import type { ApplicationEvent } from './events.js'

export type ReviewEligibility = { ok: true } | { ok: false; reason: string }

/**
 * May an administrative review or lawsuit be registered against this case (年度报告表四)?
 * 《条例》第五十一条: one who believes an agency infringed their rights in its disclosure work may seek review or
 * sue. That needs something to contest: a decision the agency made (an answer, or the case closed because a
 * supplement or a fee lapsed), or its failure to answer in time (an open case past its deadline).
 * A withdrawn application, and an open one still within its period, have neither.
 * docs/decisions/0005-review-eligibility.md
 */
export function reviewEligibility(events: readonly ApplicationEvent[], clock: ApplicationClock): ReviewEligibility {
  if (events.some((e) => e.kind === 'withdrawn'))
    return { ok: false, reason: '申请人已撤回申请，没有可申请复议或起诉的答复' }
  if (clock.concludedOn !== null) return { ok: true }
  if (clock.overdue) return { ok: true }
  return { ok: false, reason: '该申请尚未答复，也未超过答复期限，不能登记行政复议或行政诉讼' }
}
