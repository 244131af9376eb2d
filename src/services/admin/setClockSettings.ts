import { clockPolicyOf, closingTime } from '../../domain/agency/settings.js'
import { DEFAULT_ONLINE_RECEIPT } from '../../domain/application/receipt.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { findAgencyById, updateAgencySettings } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { refreshOpenCases } from '../refreshOpenCases.js'

export interface SetClockSettingsProps {
  store: Store
  actor: Actor
  agencyId: number
  /** 收费通知至缴费期间不计入答复期限 (decision 0002) */
  feeNoticePauses: boolean
  /** 第三十一条第（三）项: online applications after hours or on a non-working day count from the next working day (decision 0007) */
  nextWorkingDay: boolean
  /** the office's closing time, HH:MM */
  closesAt: string
  today: CalendarDay
}

/**
 * Sets an agency's clock choices (decisions 0002, 0007): a system administrator or the agency's administrator.
 * A change recomputes the stored dates of every open case in the same transaction; audited with before and
 * after. Returns how many open cases were recomputed (0 when nothing changed).
 */
export async function setClockSettings(props: SetClockSettingsProps): Promise<number> {
  const { store, actor, agencyId, feeNoticePauses, nextWorkingDay, today } = props
  authorize(actor, 'department.manage', { agencyId }, '无权修改该机关的设置')
  const closesAt = closingTime.safeParse(props.closesAt.trim())
  if (!closesAt.success)
    throw new ValidationError(closesAt.error.issues.map((i) => ({ field: 'closesAt', message: i.message })))
  return store.db.transaction().execute(async (trx) => {
    const agency = await findAgencyById(trx, agencyId)
    if (!agency) throw new NotFoundError('该机关')
    const policy = clockPolicyOf(agency.settings)
    const before = { feeNoticePauses: policy.feeNoticePauses, ...(policy.onlineReceipt ?? DEFAULT_ONLINE_RECEIPT) }
    const after = { feeNoticePauses, nextWorkingDay, closesAt: closesAt.data }
    if (JSON.stringify(before) === JSON.stringify(after)) return 0
    const onlineReceipt = { nextWorkingDay, closesAt: closesAt.data }
    await updateAgencySettings(trx, agencyId, { clock: { ...agency.settings.clock, feeNoticePauses, onlineReceipt } })
    const recomputed = await refreshOpenCases(trx, today)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'agency.settings',
      targetType: 'agency',
      targetId: agencyId,
      detail: { clock: { before, after }, recomputed },
    })
    return recomputed
  })
}
