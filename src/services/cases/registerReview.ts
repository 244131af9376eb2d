import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { findApplication } from '../../store/applicationRepo.js'
import { NotFoundError } from '../errors.js'
import { insertReview, parseReview } from '../reviews.js'
import { caseResource } from './caseResource.js'

export interface RegisterReviewProps {
  store: Store
  actor: Actor
  applicationId: number
  /** 行政复议 or 行政诉讼, the day it was filed, the review body or court, as typed */
  form: { kind: string; filedOn: string; body: string }
}

/**
 * Registers an administrative review or lawsuit against a case (年度报告表四): a decision of the office
 * (`case.decide`), allowed only against a case reviewEligibility allows; the review and its audit entry
 * commit together. Returns the review's id.
 */
export async function registerReview({ store, actor, applicationId, form }: RegisterReviewProps): Promise<number> {
  const row = await findApplication(store.db, applicationId)
  if (!row) throw new NotFoundError('申请')
  authorize(actor, 'case.decide', caseResource(row))
  const r = parseReview({ agencyId: Number(row.agency_id), applicationId, ...form })
  return store.db.transaction().execute(async (trx) => {
    const reviewId = await insertReview(trx, r)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'case.review',
      targetType: 'application',
      targetId: applicationId,
      detail: { reviewId, kind: r.kind },
    })
    return reviewId
  })
}
