import type { RetentionPeriods } from '../../domain/retention/periods.js'
import { retentionPeriodsOf, retentionSettings } from '../../domain/retention/periods.js'
import { findAgencyById, updateAgencySettings } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

export interface RetentionSettingsView {
  agency: { id: number; name: string }
  /** the periods in force */
  periods: RetentionPeriods
  /** false: the agency has set nothing, the documented defaults apply */
  own: boolean
}

/** An agency's retention periods, for its administrator's form (decision 0048). */
export async function retentionSettingsForAdmin(p: {
  store: Store
  actor: Actor
  agencyId: number
}): Promise<RetentionSettingsView> {
  authorize(p.actor, 'department.manage', { agencyId: p.agencyId }, '无权修改该机关的设置')
  const agency = await findAgencyById(p.store.db, p.agencyId)
  if (!agency) throw new NotFoundError('该机关')
  return {
    agency: { id: agency.id, name: agency.name },
    periods: retentionPeriodsOf(agency.settings.retention),
    own: agency.settings.retention !== undefined,
  }
}

/**
 * Sets how long the agency keeps applicants' personal data, per kind of record (issue 17 point 4), by a system
 * administrator or the agency's administrator; audited with before and after. The retention job applies the
 * periods from its next run.
 */
export async function setRetentionSettings(p: {
  store: Store
  actor: Actor
  agencyId: number
  input: Record<string, unknown>
}): Promise<RetentionPeriods> {
  authorize(p.actor, 'department.manage', { agencyId: p.agencyId }, '无权修改该机关的设置')
  const parsed = retentionSettings.safeParse(p.input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  return p.store.db.transaction().execute(async (trx) => {
    const agency = await findAgencyById(trx, p.agencyId)
    if (!agency) throw new NotFoundError('该机关')
    await updateAgencySettings(trx, p.agencyId, { retention: parsed.data })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'agency.retention',
      targetType: 'agency',
      targetId: p.agencyId,
      detail: { before: agency.settings.retention ?? null, after: parsed.data },
    })
    return parsed.data
  })
}
