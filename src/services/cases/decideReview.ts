import type { Resource } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { findApplication } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import { findReview, updateReview } from '../../store/reviewRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError } from '../errors.js'
import type { ReviewDecisionForm } from '../reviews.js'
import { parseReviewDecision } from '../reviews.js'
import { caseResource } from './caseResource.js'

export interface DecideReviewProps {
  store: Store
  actor: Actor
  reviewId: number
  /** the case the form was sent from: a review of another case is not found */
  applicationId?: number
  /** the edit form as typed: body or court, received day, result (维持/纠正/其他/尚未审结), decision day */
  form: ReviewDecisionForm
  /** a decision cannot be dated after today */
  today: CalendarDay
}

/**
 * Records (or corrects) the result of a review or lawsuit (年度报告表四): a decision of the office
 * (`case.decide`) on the case's agency and department. The change and its audit entry, with the values before
 * and after, commit together. Returns the case the review belongs to (null for one registered without a case).
 * docs/decisions/0023-reviews-registered-and-decided.md
 */
export async function decideReview({
  store,
  actor,
  reviewId,
  applicationId,
  form,
  today,
}: DecideReviewProps): Promise<number | null> {
  const before = await findReview(store.db, reviewId)
  if (!before || (applicationId !== undefined && before.applicationId !== applicationId))
    throw new NotFoundError('该复议或诉讼')
  const app = before.applicationId === null ? undefined : await findApplication(store.db, before.applicationId)
  const resource: Resource = app ? caseResource(app) : { agencyId: before.agencyId }
  authorize(actor, 'case.decide', resource)
  const change = parseReviewDecision(form, today)
  await store.db.transaction().execute(async (trx) => {
    await updateReview(trx, reviewId, change)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'case.reviewDecided',
      ...(before.applicationId === null
        ? { targetType: 'agency' as const, targetId: before.agencyId }
        : { targetType: 'application' as const, targetId: before.applicationId }),
      detail: {
        reviewId,
        before: { body: before.body, filedOn: before.filedOn, result: before.result, decidedOn: before.decidedOn },
        after: change,
      },
    })
  })
  return before.applicationId
}
