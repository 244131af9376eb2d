import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { RATING_CODES } from '../../domain/interaction/letters.js'
import type { Store } from '../../store/database.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import { findLetterByCode, updateLetter } from '../../store/letterRepo.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { parseOrRefuse } from './common.js'

export interface LetterStatus {
  queryCode: string
  agencyName: string
  kind: string
  subject: string
  body: string
  status: string
  receivedOn: string
  dueOn: string
  provisional: boolean
  answer: string | null
  answeredOn: string | null
  rating: string | null
}

/** What the writer sees with the query code: the letter, its last day, the answer and their rating. */
export async function letterStatus(p: { store: Store; queryCode: string }): Promise<LetterStatus | null> {
  const code = p.queryCode.trim().toUpperCase()
  if (!/^[A-Z2-9]{10}$/.test(code)) return null
  const l = await findLetterByCode(p.store.db, code)
  if (!l) return null
  const agency = await findAgencyById(p.store.db, Number(l.agency_id))
  return {
    queryCode: l.query_code,
    agencyName: agency?.name ?? '',
    kind: l.kind,
    subject: l.subject,
    body: l.body,
    status: l.status,
    receivedOn: l.received_on,
    dueOn: l.due_on,
    provisional: l.due_provisional === 1,
    answer: l.answer,
    answeredOn: l.answered_on,
    rating: l.rating,
  }
}

const ratingForm = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-9]{10}$/, '查询码应为10位字母或数字'),
  rating: z.enum(RATING_CODES, { message: '请选择评价（满意、基本满意或不满意）' }),
})

/** The writer rates the answer once, with the letter's query code (no account); the rating is final. */
export async function rateLetter(p: { store: Store; actor: Actor; form: unknown; today: CalendarDay }) {
  const f = parseOrRefuse(ratingForm, p.form)
  await p.store.db.transaction().execute(async (trx) => {
    const l = await findLetterByCode(trx, f.code)
    if (!l) throw new ValidationError([{ field: 'code', message: '查询码不正确' }])
    if (l.status !== 'answered') throw new ValidationError([{ field: 'rating', message: '来信答复后才能评价' }])
    if (l.rating) throw new ValidationError([{ field: 'rating', message: '该来信已评价，不能重复评价' }])
    await updateLetter(trx, l.id, { rating: f.rating, rated_on: p.today })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'letter.rated',
      targetType: 'letter',
      targetId: l.id,
      detail: { rating: f.rating },
    })
  })
  return f.code
}
