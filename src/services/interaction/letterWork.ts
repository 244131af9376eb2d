import type { Kysely } from 'kysely'
import { z } from 'zod'
import { daySchema } from '../../domain/calendar/calendarDay.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { answeredLate, isOverdue, mayPublish } from '../../domain/interaction/letters.js'
import { redactPersonalData } from '../../domain/interaction/redact.js'
import type { Store } from '../../store/database.js'
import type { LetterRow } from '../../store/letterRepo.js'
import { findLetter, updateLetter } from '../../store/letterRepo.js'
import type { Database } from '../../store/schema.js'
import type { AuditAction } from '../../domain/auditTrail/actions.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { parseOrRefuse } from './common.js'

// The office's and the departments' steps on a letter: route, answer, 督办, publish. Each is one use case
// (one transaction with its audit entry); they share the loading and the write below.

const resourceOf = (l: LetterRow) => ({ agencyId: Number(l.agency_id), departmentId: l.department_id })

async function step(
  store: Store,
  actor: Actor,
  letterId: number,
  action: AuditAction,
  change: (l: LetterRow, trx: Kysely<Database>) => Promise<Record<string, unknown>>,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const l = await findLetter(trx, letterId)
    if (!l) throw new NotFoundError('该来信')
    const detail = await change(l, trx)
    await appendAudit(trx, { ...auditActor(actor), action, targetType: 'letter', targetId: letterId, detail })
  })
}

const routeForm = z.object({
  departmentId: z.coerce.number({ message: '请选择承办处室' }).int().positive('请选择承办处室'),
})

/** The office routes a letter to one of the agency's departments (again, to change it). */
export async function routeLetter(p: { store: Store; actor: Actor; letterId: number; form: unknown }) {
  const f = parseOrRefuse(routeForm, p.form)
  await step(p.store, p.actor, p.letterId, 'letter.routed', async (l, trx) => {
    authorize(p.actor, 'interaction.manage', resourceOf(l))
    if (l.status === 'answered')
      throw new ValidationError([{ field: 'departmentId', message: '来信已答复，不能再转办' }])
    const dept = await trx
      .selectFrom('departments')
      .select('id')
      .where('id', '=', f.departmentId)
      .where('agency_id', '=', l.agency_id)
      .executeTakeFirst()
    if (!dept) throw new ValidationError([{ field: 'departmentId', message: '请选择本机关的承办处室' }])
    await updateLetter(trx, l.id, { department_id: f.departmentId, status: 'routed' })
    return { departmentId: f.departmentId }
  })
}

const answerForm = z.object({
  answer: z.string().trim().min(10, '答复内容至少10个字').max(5000, '答复内容不超过5000字'),
  answeredOn: daySchema('答复日期'),
})

/**
 * The answer, by the department it was routed to (or the office): its lateness is stored from the due day
 * (answeredLate), since the on-time rate counts stored copies.
 */
export async function answerLetter(p: {
  store: Store
  actor: Actor
  letterId: number
  form: unknown
  today: CalendarDay
}) {
  const f = parseOrRefuse(answerForm, p.form)
  await step(p.store, p.actor, p.letterId, 'letter.answered', async (l, trx) => {
    authorize(p.actor, 'interaction.handle', resourceOf(l))
    if (l.status === 'answered') throw new ValidationError([{ field: 'answer', message: '来信已答复' }])
    if (f.answeredOn > p.today || f.answeredOn < l.received_on)
      throw new ValidationError([{ field: 'answeredOn', message: '答复日期应在收信日期和今天之间' }])
    const late = answeredLate(l.due_on as CalendarDay, f.answeredOn)
    await updateLetter(trx, l.id, {
      answer: f.answer,
      answered_on: f.answeredOn,
      answered_by: p.actor.username,
      answered_late: late ? 1 : 0,
      status: 'answered',
    })
    return { answeredOn: f.answeredOn, late }
  })
}

const superviseForm = z.object({
  note: z.string().trim().min(1, '请填写督办意见').max(500, '督办意见不超过500字'),
})

/** 督办: the office presses a department on a letter past its last day (only an overdue one). */
export async function superviseLetter(p: {
  store: Store
  actor: Actor
  letterId: number
  form: unknown
  today: CalendarDay
}) {
  const f = parseOrRefuse(superviseForm, p.form)
  await step(p.store, p.actor, p.letterId, 'letter.supervised', async (l, trx) => {
    authorize(p.actor, 'interaction.manage', resourceOf(l))
    if (!isOverdue({ status: l.status, dueOn: l.due_on as CalendarDay }, p.today))
      throw new ValidationError([{ field: 'note', message: '只有超过答复期限仍未答复的来信需要督办' }])
    await updateLetter(trx, l.id, { supervised_on: p.today, supervise_note: f.note })
    return { note: f.note }
  })
}

/**
 * Publication on the writer's consent, with personal data removed: only a 咨询 or 建议 (mayPublish); the texts
 * published are kept apart from the letter as written.
 */
export async function publishLetter(p: { store: Store; actor: Actor; letterId: number }) {
  await step(p.store, p.actor, p.letterId, 'letter.published', async (l, trx) => {
    authorize(p.actor, 'interaction.manage', resourceOf(l))
    if (!mayPublish({ kind: l.kind, wantsPublic: l.wants_public === 1, status: l.status }))
      throw new ValidationError([
        { field: 'publish', message: '只有来信人同意公开、已答复的咨询或建议才能公开；投诉、举报一律不公开' },
      ])
    const names = [l.writer_name]
    await updateLetter(trx, l.id, {
      published: 1,
      public_subject: redactPersonalData(l.subject, names),
      public_body: redactPersonalData(l.body, names),
      public_answer: redactPersonalData(l.answer ?? '', names),
    })
    return {}
  })
}
