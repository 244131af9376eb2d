import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { compareDays, daySchema } from '../../domain/calendar/calendarDay.js'
import { feedbackCounts, feedbackSummary, isTakingComments } from '../../domain/interaction/consultations.js'
import { publicDocuments } from '../../store/catalogRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import {
  closeConsultation as closeRow,
  findComment,
  findConsultation,
  insertComment,
  insertConsultation,
  listComments,
  listConsultations,
  updateComment,
} from '../../store/participationRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { actingAgency, agenciesOf, parseOrRefuse } from './common.js'

// 意见征集: the office opens a consultation on a draft, the public comments, the office moderates each comment
// (nothing is shown before), marks it adopted or not with a reason, and at the close publishes 采纳情况.

const openForm = z
  .object({
    title: z.string().trim().min(1, '请填写征集标题').max(200, '征集标题不超过200字'),
    explanation: z.string().trim().min(1, '请填写起草说明').max(5000, '起草说明不超过5000字'),
    draftText: z.string().trim().min(1, '请填写草案全文').max(50000, '草案全文不超过50000字'),
    opensOn: daySchema('开始日期'),
    closesOn: daySchema('截止日期'),
  })
  .refine((f) => compareDays(f.closesOn, f.opensOn) >= 0, { path: ['closesOn'], message: '截止日期不能早于开始日期' })

export async function openConsultation(p: { store: Store; actor: Actor; agencyId: number | null; form: unknown }) {
  const f = parseOrRefuse(openForm, p.form)
  const agencyId = actingAgency(p.actor, p.agencyId)
  authorize(p.actor, 'interaction.manage', { agencyId })
  return p.store.db.transaction().execute(async (trx) => {
    const id = await insertConsultation(trx, {
      agency_id: agencyId,
      title: f.title,
      explanation: f.explanation,
      draft_text: f.draftText,
      opens_on: f.opensOn,
      closes_on: f.closesOn,
      status: 'open',
      created_by: p.actor.username,
      created_at: nowIso(),
    })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'consultation.open',
      targetType: 'consultation',
      targetId: id,
      detail: { title: f.title, opensOn: f.opensOn, closesOn: f.closesOn },
    })
    return id
  })
}

const commentForm = z.object({
  name: z.string().trim().min(1, '请填写姓名或称呼').max(50, '姓名或称呼不超过50字'),
  body: z.string().trim().min(5, '意见内容至少5个字').max(3000, '意见内容不超过3000字'),
})

/** A comment from the public: kept for moderation, shown to nobody until the office lets it through. */
export async function commentOnConsultation(p: {
  store: Store
  actor: Actor
  consultationId: number
  form: unknown
  today: CalendarDay
}) {
  const f = parseOrRefuse(commentForm, p.form)
  await p.store.db.transaction().execute(async (trx) => {
    const c = await findConsultation(trx, p.consultationId)
    if (!c) throw new NotFoundError('该意见征集')
    if (
      !isTakingComments(
        { status: c.status, opensOn: c.opens_on as CalendarDay, closesOn: c.closes_on as CalendarDay },
        p.today,
      )
    )
      throw new ValidationError([{ field: 'body', message: '该意见征集不在征集期内，不能提交意见' }])
    const id = await insertComment(trx, { consultationId: c.id, authorName: f.name, body: f.body, at: nowIso() })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'consultation.comment',
      targetType: 'consultation',
      targetId: c.id,
      detail: { commentId: id },
    })
  })
}

const moderateForm = z
  .object({
    status: z.enum(['shown', 'hidden'], { message: '请选择是否公开该意见' }),
    adopted: z.enum(['yes', 'no', ''], { message: '请选择是否采纳' }).default(''),
    reason: z.string().trim().max(1000, '未采纳理由不超过1000字').default(''),
  })
  .refine((f) => f.adopted !== 'no' || f.reason.length > 0, { path: ['reason'], message: '未采纳的意见请写明理由' })

/** The office's decision on a comment: shown or not, adopted or not (a reason when not). */
export async function moderateComment(p: {
  store: Store
  actor: Actor
  commentId: number
  form: unknown
}): Promise<number> {
  const f = parseOrRefuse(moderateForm, p.form)
  return p.store.db.transaction().execute(async (trx) => {
    const comment = await findComment(trx, p.commentId)
    const c = comment ? await findConsultation(trx, Number(comment.consultation_id)) : undefined
    if (!comment || !c) throw new NotFoundError('该意见')
    authorize(p.actor, 'interaction.manage', { agencyId: Number(c.agency_id) })
    if (c.status === 'closed') throw new ValidationError([{ field: 'status', message: '意见征集已结束，不能再修改' }])
    await updateComment(trx, comment.id, {
      status: f.status,
      adopted: f.adopted === '' ? null : f.adopted === 'yes' ? 1 : 0,
      reason: f.reason || null,
    })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'consultation.moderate',
      targetType: 'consultation',
      targetId: c.id,
      detail: { commentId: comment.id, status: f.status, adopted: f.adopted },
    })
    return Number(c.id)
  })
}

const closeForm = z.object({
  explanation: z
    .string()
    .trim()
    .min(1, '请填写采纳情况说明（未采纳意见的理由、总体考虑）')
    .max(5000, '采纳情况说明不超过5000字'),
  finalDocumentId: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number({ message: '正式文件编号应为数字' }).int().positive('正式文件编号应为正整数').nullable(),
  ),
})

/**
 * Closes the consultation and publishes 采纳情况: how many opinions, how many adopted (counted from the
 * comments, feedbackCounts), the office's explanation, and the final document once it is public. Every
 * comment must have been decided on first.
 */
export async function closeConsultation(p: {
  store: Store
  actor: Actor
  consultationId: number
  form: unknown
  today: CalendarDay
}) {
  const f = parseOrRefuse(closeForm, p.form)
  await p.store.db.transaction().execute(async (trx) => {
    const c = await findConsultation(trx, p.consultationId)
    if (!c) throw new NotFoundError('该意见征集')
    authorize(p.actor, 'interaction.manage', { agencyId: Number(c.agency_id) })
    if (c.status === 'closed') throw new ValidationError([{ field: 'explanation', message: '意见征集已结束' }])
    const comments = await listComments(trx, c.id)
    const undecided = comments.filter((x) => x.status === 'pending' || x.adopted === null).length
    if (undecided)
      throw new ValidationError([
        { field: 'explanation', message: `还有${undecided}条意见未审核或未确定是否采纳，请先逐条处理` },
      ])
    if (f.finalDocumentId !== null) {
      const doc = await publicDocuments(trx, p.today)
        .select('documents.id')
        .where('documents.id', '=', f.finalDocumentId)
        .where('documents.agency_id', '=', c.agency_id)
        .executeTakeFirst()
      if (!doc) throw new ValidationError([{ field: 'finalDocumentId', message: '正式文件应为本机关已公开的文件' }])
    }
    const counts = feedbackCounts(comments.map((x) => ({ adopted: x.adopted === null ? null : x.adopted === 1 })))
    const feedback = `${feedbackSummary(counts)}\n${f.explanation}`
    await closeRow(trx, c.id, { feedback, feedbackOn: p.today, finalDocumentId: f.finalDocumentId })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'consultation.close',
      targetType: 'consultation',
      targetId: c.id,
      detail: { ...counts, finalDocumentId: f.finalDocumentId },
    })
  })
}

/** The consultations the public sees (every one: open, closed with its feedback). */
export async function publicConsultations(store: Store) {
  return listConsultations(store.db, null, 50)
}

/** One consultation for the public: the draft, the comments shown, the feedback when published. */
export async function publicConsultation(p: { store: Store; id: number; today: CalendarDay }) {
  const c = await findConsultation(p.store.db, p.id)
  if (!c) throw new NotFoundError('该意见征集')
  const comments = await listComments(p.store.db, c.id, true)
  const finalDoc = c.final_document_id
    ? await publicDocuments(p.store.db, p.today)
        .select(['documents.id', 'documents.title'])
        .where('documents.id', '=', c.final_document_id)
        .executeTakeFirst()
    : undefined
  return {
    consultation: { ...c, id: Number(c.id) },
    open: isTakingComments(
      { status: c.status, opensOn: c.opens_on as CalendarDay, closesOn: c.closes_on as CalendarDay },
      p.today,
    ),
    comments: comments.map((x) => ({ id: Number(x.id), name: x.author_name, body: x.body, createdAt: x.created_at })),
    finalDocument: finalDoc ? { id: Number(finalDoc.id), title: finalDoc.title } : null,
  }
}

/** The office's list and one consultation with every comment to moderate. */
export async function consultationsForStaff(p: { store: Store; actor: Actor }) {
  return listConsultations(p.store.db, agenciesOf(p.actor, 'interaction.read'), 100)
}

export async function consultationForStaff(p: { store: Store; actor: Actor; id: number }) {
  const c = await findConsultation(p.store.db, p.id)
  if (!c) throw new NotFoundError('该意见征集')
  authorize(p.actor, 'interaction.read', { agencyId: Number(c.agency_id) })
  const comments = await listComments(p.store.db, c.id)
  return {
    consultation: { ...c, id: Number(c.id) },
    comments: comments.map((x) => ({ ...x, id: Number(x.id) })),
    counts: feedbackCounts(comments.map((x) => ({ adopted: x.adopted === null ? null : x.adopted === 1 }))),
  }
}
