import type { OfficeSettings } from '../../domain/agency/settings.js'
import { officeSettings } from '../../domain/agency/settings.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError } from '../errors.js'

/** The office particulars of one agency, for its administrator's form (《条例》第十二条). */
export async function officeSettingsForAdmin(p: {
  store: Store
  actor: Actor
  agencyId: number
}): Promise<{ agency: { id: number; name: string; code: string }; office: OfficeSettings }> {
  authorize(p.actor, 'department.manage', { agencyId: p.agencyId }, '无权修改该机关的设置')
  const agency = await findAgencyById(p.store.db, p.agencyId)
  if (!agency) throw new NotFoundError('该机关')
  return {
    agency: { id: agency.id, name: agency.name, code: agency.code },
    office: agency.settings.office ?? officeSettings.parse({}),
  }
}
