import { buildReport } from '../../domain/report/build.js'
import { emptyReviewFacts } from '../../domain/report/facts.js'
import type { AnnualReport } from '../../domain/report/model.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Period } from '../../domain/supervision/period.js'
import { correctedRate } from '../../domain/supervision/score.js'
import { yearFigures } from '../../export/reportChart.js'
import type { Store } from '../../store/database.js'
import { aggregateApplications, aggregateCatalog, aggregateReviews } from '../../store/reportRepo.js'
import { countOverdueByAgency } from '../../store/supervisionRepo.js'
import { dueWindow } from '../cases/dueWindow.js'

/** One agency's figures for a period, as the supervisor's console and the 通报 show them. */
export interface AgencyFigures {
  agencyId: number
  received: number
  answered: number
  onTime: number
  late: number
  /** open cases past their deadline today (not a figure of the period: it is read now) */
  overdueNow: number
  /** answers by outcome group (予以公开, 部分公开, …), as the report's chart groups them */
  outcomes: Record<string, number>
  reviews: { decided: number; corrected: number }
  lawsuits: { decided: number; corrected: number }
  correctedRate: number | null
  /** 主动公开 items published in the period */
  proactive: number
}

const cell = (v: number | null | undefined) => v ?? 0

/**
 * The figures of one agency read off its report model: the table 三 totals (yearFigures, the chart's own
 * reading), timeliness, table 四. For a year this is the agency's own report; for a quarter, the same
 * computation over the quarter's days.
 */
export function figuresOfReport(
  agencyId: number,
  model: AnnualReport,
  extra: { overdueNow: number; proactive: number },
): AgencyFigures {
  const y = yearFigures(model)
  const r = model.reviewsAndLawsuits
  const decided = (k: keyof NonNullable<typeof r>) => cell(r?.[k].upheld) + cell(r?.[k].corrected) + cell(r?.[k].other)
  const reviews = { decided: decided('review'), corrected: cell(r?.review.corrected) }
  const lawsuits = {
    decided: decided('lawsuitDirect') + decided('lawsuitAfterReview'),
    corrected: cell(r?.lawsuitDirect.corrected) + cell(r?.lawsuitAfterReview.corrected),
  }
  const late = model.timeliness?.late ?? 0
  return {
    agencyId,
    received: y.received,
    answered: y.answered,
    onTime: y.answered - late,
    late,
    overdueNow: extra.overdueNow,
    outcomes: y.groups,
    reviews,
    lawsuits,
    correctedRate: correctedRate(reviews.decided + lawsuits.decided, reviews.corrected + lawsuits.corrected),
    proactive: extra.proactive,
  }
}

/**
 * Every listed agency's figures for a period, from the annual report's aggregates (store/reportRepo.ts) run
 * over the period's days and built by the report's own builder: no figure here is counted another way.
 */
export async function periodFigures(
  store: Store,
  agencies: readonly { id: number; name: string }[],
  period: Period,
  today: CalendarDay,
): Promise<Map<number, AgencyFigures>> {
  const ids = agencies.map((a) => a.id)
  const span = { from: period.from, to: period.to }
  const counts = await aggregateApplications(store.db, span, ids, { legacy: false })
  const reviews = await aggregateReviews(store.db, span, ids)
  const catalog = await aggregateCatalog(store.db, span, ids)
  const overdue = await countOverdueByAgency(store.db, ids, await dueWindow(store, today))
  const out = new Map<number, AgencyFigures>()
  for (const a of agencies) {
    const model = buildReport({
      format: '2021',
      year: period.year,
      agency: { name: a.name },
      facts: { byKind: counts.get(a.id) ?? {}, reviews: reviews.get(a.id) ?? emptyReviewFacts(), figures: {} },
    })
    const proactive = catalog.get(a.id)?.['proactive.total'] ?? 0
    out.set(a.id, figuresOfReport(a.id, model, { overdueNow: overdue.get(a.id) ?? 0, proactive }))
  }
  return out
}
