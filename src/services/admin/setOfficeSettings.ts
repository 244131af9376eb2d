import type { OfficeSettings } from '../../domain/agency/settings.js'
import { officeSettings } from '../../domain/agency/settings.js'
import type { Store } from '../../store/database.js'
import { findAgencyById, updateAgencySettings } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

export interface SetOfficeSettingsProps {
  store: Store
  actor: Actor
  agencyId: number
  /** the form's fields as posted; checked here (every problem named) */
  input: Record<string, unknown>
}

/**
 * 《条例》第十二条: the disclosure office's particulars the 政府信息公开指南 states (name, address, hours, phone, fax,
 * postal address, e-mail, ways to apply, fees), set by a system administrator or the agency's administrator;
 * audited with before and after.
 */
export async function setOfficeSettings(p: SetOfficeSettingsProps): Promise<OfficeSettings> {
  authorize(p.actor, 'department.manage', { agencyId: p.agencyId }, '无权修改该机关的设置')
  const parsed = officeSettings.safeParse(p.input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  return p.store.db.transaction().execute(async (trx) => {
    const agency = await findAgencyById(trx, p.agencyId)
    if (!agency) throw new NotFoundError('该机关')
    await updateAgencySettings(trx, p.agencyId, { office: parsed.data })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'agency.office',
      targetType: 'agency',
      targetId: p.agencyId,
      detail: { before: agency.settings.office ?? null, after: parsed.data },
    })
    return parsed.data
  })
}
