import { caseRefPrefix } from '../../domain/application/caseRef.js'
import type { Store } from '../../store/database.js'
import { findAgencyById, updateAgencySettings } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'

export interface SetCaseRefPrefixProps {
  store: Store
  actor: Actor
  agencyId: number
  /** e.g. 榕房依申 (→ 榕房依申〔2026〕1号); empty: numbers go back to 2026-00001 */
  prefix: string
}

/**
 * Sets the prefix of an agency's case numbers (decision 0020): a system administrator or the agency's
 * administrator. Numbers already given keep their text; the agency's count of the year goes on. Audited with
 * before and after.
 */
export async function setCaseRefPrefix({ store, actor, agencyId, prefix }: SetCaseRefPrefixProps): Promise<void> {
  authorize(actor, 'department.manage', { agencyId }, '无权修改该机关的设置')
  const trimmed = prefix.trim()
  const parsed = trimmed ? caseRefPrefix.safeParse(trimmed) : null
  if (parsed && !parsed.success)
    throw new ValidationError(parsed.error.issues.map((i) => ({ field: 'caseRefPrefix', message: i.message })))
  const next = parsed?.data
  await store.db.transaction().execute(async (trx) => {
    const agency = await findAgencyById(trx, agencyId)
    if (!agency) throw new NotFoundError('该机关')
    await updateAgencySettings(trx, agencyId, { caseRefPrefix: next })
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'agency.settings',
      targetType: 'agency',
      targetId: agencyId,
      detail: { caseRefPrefix: { before: agency.settings.caseRefPrefix ?? null, after: next ?? null } },
    })
  })
}
