import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { LETTER_KIND_CODES, letterDueDate } from '../../domain/interaction/letters.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { insertLetter, letterDeadlines } from '../../store/letterRepo.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { newQueryCode } from '../registerApplication.js'
import { agencyOfForm, parseOrRefuse } from './common.js'

const checked = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean())

/** The public form of a letter (咨询/建议/投诉/举报), each message naming its field. */
export const letterForm = z.object({
  agency: z.string().trim().default(''),
  kind: z.enum(LETTER_KIND_CODES, { message: '请选择来信类型（咨询、建议、投诉或举报）' }),
  subject: z.string().trim().min(1, '请填写来信标题').max(100, '来信标题不超过100字'),
  body: z.string().trim().min(10, '来信内容至少10个字').max(5000, '来信内容不超过5000字'),
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过50字'),
  phone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写有效的联系电话（手机号或带区号的固定电话）'),
  email: z.union([z.literal(''), z.email('电子邮箱格式不正确')]).default(''),
  wantsPublic: checked.default(false),
  aboutDisclosure: checked.default(false),
})

export interface LetterReceipt {
  queryCode: string
  receivedOn: CalendarDay
  dueOn: CalendarDay
  provisional: boolean
  agencyName: string
}

/**
 * A letter written on the portal: received the day it is sent, due on the agency's working days for its kind
 * (letterDueDate, the applications' calendar); the letter and its audit entry commit together, and nothing is
 * written when a field is wrong.
 */
export async function submitLetter(p: {
  store: Store
  actor: Actor
  input: unknown
  today: CalendarDay
}): Promise<LetterReceipt> {
  const f = parseOrRefuse(letterForm, p.input)
  const agency = await agencyOfForm(p.store.db, f.agency)
  const cal = await loadWorkCalendar(p.store.db)
  return p.store.db.transaction().execute(async (trx) => {
    const due = letterDueDate(p.today, f.kind, await letterDeadlines(trx, agency.id), cal)
    const queryCode = newQueryCode()
    const id = await insertLetter(trx, {
      agency_id: agency.id,
      department_id: null,
      kind: f.kind,
      subject: f.subject,
      body: f.body,
      writer_name: f.name,
      writer_phone: f.phone,
      writer_email: f.email,
      about_disclosure: f.aboutDisclosure && (f.kind === 'complain' || f.kind === 'report') ? 1 : 0,
      wants_public: f.wantsPublic ? 1 : 0,
      query_code: queryCode,
      source: 'portal',
      received_on: p.today,
      due_on: due.day,
      due_provisional: due.provisional ? 1 : 0,
      status: 'received',
      published: 0,
      created_at: nowIso(),
    })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'letter.received',
      targetType: 'letter',
      targetId: id,
      detail: { kind: f.kind, agencyId: agency.id },
    })
    return { queryCode, receivedOn: p.today, dueOn: due.day, provisional: due.provisional, agencyName: agency.name }
  })
}
