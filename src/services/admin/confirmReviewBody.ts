import { z } from 'zod'
import { AGENCY_KIND_CODES } from '../../domain/agency/agencyKind.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { agencyAncestors, findAgencyById, updateAgencyParent, updateAgencySettings } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { agencyReviewBody } from '../letters/reviewBody.js'
import { zodErrors } from '../registerApplication.js'

const reviewBodyInput = z.object({
  kind: z.enum(AGENCY_KIND_CODES, { message: '请选择机关类别' }),
  parentId: z.number().int().positive().nullable(),
  /** an explicit body, only where the rule cannot give it (left empty: the rule's) */
  reviewBody: z.string().trim().max(100, '行政复议机关名称过长').optional(),
  court: z.string().trim().max(100, '管辖法院名称过长').optional(),
})

export type ConfirmReviewBodyProps = Omit<z.input<typeof reviewBodyInput>, 'kind'> & {
  /** checked against AGENCY_KINDS here: the form posts text */
  kind: string
  store: Store
  actor: Actor
  agencyId: number
  today: CalendarDay
}

/**
 * Sets an agency's kind and parent (and, where needed, an explicit review body or court), and records that the
 * administrator confirmed the review body the letters will name (行政复议法 2023 第二十四至二十八条, decision 0010).
 * Refused when no body results. The change and its audit entry commit together.
 */
export async function confirmReviewBody({ store, actor, agencyId, today, ...input }: ConfirmReviewBodyProps) {
  authorize(actor, 'agency.manage')
  const parsed = reviewBodyInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const a = parsed.data
  return store.db.transaction().execute(async (trx) => {
    const agency = await findAgencyById(trx, agencyId)
    if (!agency) throw new NotFoundError('该机关')
    if (a.parentId !== null) {
      if (a.parentId === agencyId) throw new ValidationError([{ field: 'parentId', message: '上级机关不能是本机关' }])
      if (!(await findAgencyById(trx, a.parentId)))
        throw new ValidationError([{ field: 'parentId', message: '上级机关不存在' }])
      if ((await agencyAncestors(trx, a.parentId)).some((x) => x.id === agencyId))
        throw new ValidationError([{ field: 'parentId', message: '上级机关不能是本机关的下级机关' }])
    }
    await updateAgencyParent(trx, agencyId, a.parentId)
    const remedies = { reviewBody: a.reviewBody || undefined, court: a.court || undefined }
    await updateAgencySettings(trx, agencyId, { kind: a.kind, remedies })
    const saved = await findAgencyById(trx, agencyId)
    const shown = saved ? await agencyReviewBody(trx, saved) : null
    if (!shown?.body || shown.source === 'name')
      throw new ValidationError([
        { field: 'parentId', message: shown?.missing ?? '无法确定行政复议机关：请设置上级机关或填写行政复议机关' },
      ])
    const confirmed = { body: shown.body, by: actor.username, on: today }
    await updateAgencySettings(trx, agencyId, { kind: a.kind, remedies: { ...remedies, confirmed } })
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'agency.reviewBody',
      targetType: 'agency',
      targetId: agencyId,
      detail: { kind: a.kind, parentId: a.parentId, reviewBody: shown.body, article: shown.article },
    })
    return shown.body
  })
}
