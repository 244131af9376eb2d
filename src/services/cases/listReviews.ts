import { can } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { yearOf } from '../../domain/calendar/calendarDay.js'
import type { ReviewsAndLawsuits } from '../../domain/report/model.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { ReviewLine } from '../../store/reviewRepo.js'
import { listYearReviews } from '../../store/reviewRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { generateReport } from '../report/generateReport.js'

export type { ReviewLine } from '../../store/reviewRepo.js'

export interface ListReviewsProps {
  store: Store
  actor: Actor
  /** the agency asked for (null or out of scope: the first the actor may read) */
  agencyId: number | null
  /** the report year asked for (null: the year of `today`) */
  year: number | null
  today: CalendarDay
}

export interface ReviewList {
  agencies: { id: number; name: string }[]
  agencyId: number | null
  year: number
  reviews: ReviewLine[]
  /** 表四 as the annual report of that agency and year computes it (absent in the pre-2019 format) */
  table: ReviewsAndLawsuits | null
  /** may the actor edit results (the office) */
  canDecide: boolean
}

/**
 * One agency's reviews and lawsuits that 表四 of a year counts, beside 表四 as the report computes it: for staff
 * who read every case of the agency (a department handler sees only its own cases, on their pages).
 */
export async function listReviews({ store, actor, agencyId, year, today }: ListReviewsProps): Promise<ReviewList> {
  const p = authorize(actor, 'case.read')
  const agencies = (await listAgencies(store.db))
    .filter((a) => can(p, 'case.read', { agencyId: a.id }))
    .map((a) => ({ id: a.id, name: a.name }))
  const y = year ?? yearOf(today)
  const chosen = agencies.find((a) => a.id === agencyId) ?? agencies[0]
  if (!chosen) return { agencies, agencyId: null, year: y, reviews: [], table: null, canDecide: false }
  const report = await generateReport(store, { agency: chosen.id, year: y })
  return {
    agencies,
    agencyId: chosen.id,
    year: y,
    reviews: await listYearReviews(store.db, chosen.id, y),
    table: report.reviewsAndLawsuits ?? null,
    canDecide: can(p, 'case.decide', { agencyId: chosen.id }),
  }
}
