import type { ExtraAnswerKind, ItemResult, OutcomeCode } from './outcomes.js'
import { OUTCOME_CODES, reportedOutcomeOf } from './outcomes.js'

/**
 * The one reportable outcome of an answer covering several requested items
 * (表三「区分处理的，只计这一情形」; rule decided in spec/README.md and docs/decisions/0003-outcome-precedence.md):
 * any item disclosed and any withheld → 部分公开; every item disclosed → 予以公开; otherwise the outcome
 * shared by the most items, a tie going to the row printed first in the table.
 */
export function deriveOutcome(
  results: readonly ItemResult[],
  mapping: Partial<Record<ExtraAnswerKind, OutcomeCode>> = {},
): OutcomeCode {
  if (results.length === 0) throw new Error('an answer needs at least one item')
  const outcomes = results.map((r) => reportedOutcomeOf(r, mapping))
  const anyDisclosed = outcomes.some((o) => o === 'disclosed' || o === 'partiallyDisclosed')
  const anyWithheld = outcomes.some((o) => o.startsWith('withheld.'))
  if (outcomes.includes('partiallyDisclosed') || (anyDisclosed && anyWithheld)) return 'partiallyDisclosed'
  const counts = new Map<OutcomeCode, number>()
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1)
  const max = Math.max(...counts.values())
  // OUTCOME_CODES is in the table's row order, so the first match is the tie-break
  return OUTCOME_CODES.find((c) => counts.get(c) === max) as OutcomeCode
}
