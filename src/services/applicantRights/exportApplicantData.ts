import { findApplication } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { caseResource } from '../cases/caseResource.js'
import { NotFoundError } from '../errors.js'
import type { HeldData } from './heldData.js'
import { collectHeldData } from './heldData.js'

/**
 * Staff export of everything held about a case's applicant (issue 17 point 5), for an applicant who asks at the
 * office: by a user with the case permission; audited (who read whose personal data, and in what form).
 */
export async function exportApplicantData(p: {
  store: Store
  actor: Actor
  applicationId: number
  form: 'json' | 'page'
}): Promise<HeldData> {
  const row = await findApplication(p.store.db, p.applicationId)
  if (!row) throw new NotFoundError('该申请')
  authorize(p.actor, 'case.read', caseResource(row), '无权查看该申请人的个人信息')
  const held = await collectHeldData(p.store, row)
  await p.store.db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'case.personalDataExport',
      targetType: 'application',
      targetId: p.applicationId,
      detail: { form: p.form },
    }),
  )
  return held
}
