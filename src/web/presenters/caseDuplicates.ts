import type { CasePageData } from '../../services/cases/casePageData.js'

/** The earlier applications the duplicates panel shows (第三十六条第（六）项), field by field. */
export function presentSimilarEarlier(d: Pick<CasePageData, 'similarEarlier'>) {
  return d.similarEarlier.map((e) => ({
    id: e.id,
    ref: e.ref,
    receivedOn: e.receivedOn,
    description: e.description,
    state: e.state,
    outcome: e.outcome,
    concludedOn: e.concludedOn,
    percent: Math.round(e.similarity * 100),
  }))
}

export type SimilarEarlierView = ReturnType<typeof presentSimilarEarlier>
