import { CHANNELS, TOPICS } from '../../../src/domain/application/applicant.js'
import { ANSWER_KINDS, OUTCOME_CODES } from '../../../src/domain/application/outcomes.js'
import type { OutcomeCode } from '../../../src/domain/application/outcomes.js'
import { buildReport } from '../../../src/domain/report/build.js'
import type { KindCounts } from '../../../src/domain/report/facts.js'
import { emptyKindCounts, emptyReviewFacts } from '../../../src/domain/report/facts.js'
import type { AnnualReport, ReportFormat } from '../../../src/domain/report/model.js'

/** Natural persons' counts of a year: received, answered by outcome, and how many extended or late. */
export function naturalPersonCounts(c: {
  received?: number
  answered?: Partial<Record<OutcomeCode, number>>
  extended?: number
  late?: number
}): KindCounts {
  const k = emptyKindCounts({
    outcomes: OUTCOME_CODES.length,
    channels: CHANNELS.length,
    topics: TOPICS.length,
    answerKinds: ANSWER_KINDS.length,
  })
  k.newReceived = c.received ?? 0
  for (const [code, n] of Object.entries(c.answered ?? {})) k.outcomes[OUTCOME_CODES.indexOf(code as OutcomeCode)] = n
  k.extended = c.extended ?? 0
  k.late = c.late ?? 0
  return k
}

/** A report built from natural persons' counts and entered figures, as the generator builds it. */
export function reportOf(
  format: ReportFormat,
  counts: KindCounts,
  figures: Record<string, number | null> = {},
  year = 2025,
): AnnualReport {
  return buildReport({
    format,
    year,
    agency: { name: '某市住房和城乡建设局' },
    facts: { byKind: { naturalPerson: counts }, reviews: emptyReviewFacts(), figures },
  })
}
