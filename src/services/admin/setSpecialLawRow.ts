import { clockPolicyOf } from '../../domain/agency/settings.js'
import { computeClock } from '../../domain/application/clock.js'
import { isSpecialLawRow } from '../../domain/application/specialLawRow.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { findAgencyById, listApplicationIdsOfAgency, updateAgencySettings } from '../../store/agencyRepo.js'
import { loadEvents } from '../../store/applicationRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { saveDerived } from '../caseFile.js'
import { NotFoundError, ValidationError } from '../errors.js'

export interface SetSpecialLawRowProps {
  store: Store
  actor: Actor
  agencyId: number
  /** the row of 表三 the agency reports 第三十六条第（七）项 answers in (SPECIAL_LAW_ROWS) */
  row: string
  today: CalendarDay
}

/**
 * Sets where an agency reports its 第三十六条第（七）项 answers (其他 or 行政查询事项, decision 0011) and recomputes the
 * stored outcome of its cases, so that its reports count them in the row chosen. Returns how many were recomputed.
 */
export async function setSpecialLawRow({ store, actor, agencyId, row, today }: SetSpecialLawRowProps): Promise<number> {
  authorize(actor, 'agency.manage')
  if (!isSpecialLawRow(row))
    throw new ValidationError([{ field: 'row', message: '请选择第三十六条第（七）项答复的统计口径' }])
  return store.db.transaction().execute(async (trx) => {
    const agency = await findAgencyById(trx, agencyId)
    if (!agency) throw new NotFoundError('该机关')
    const clock = agency.settings.clock ?? {}
    const answerKinds = { ...clock.answerKinds, specialLaw: row }
    await updateAgencySettings(trx, agencyId, { clock: { ...clock, answerKinds } })
    const policy = clockPolicyOf({ ...agency.settings, clock: { ...clock, answerKinds } })
    const cal = await loadWorkCalendar(trx)
    const ids = await listApplicationIdsOfAgency(trx, agencyId)
    for (const id of ids) {
      const events = await loadEvents(trx, id)
      await saveDerived(trx, id, events, computeClock(events, cal, today, policy))
    }
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'agency.settings',
      targetType: 'agency',
      targetId: agencyId,
      detail: { specialLawRow: row, recomputed: ids.length },
    })
    return ids.length
  })
}
