import { z } from 'zod'
import { daySchema } from '../../domain/calendar/calendarDay.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { RESPONSE_KIND_CODES } from '../../domain/interaction/responses.js'
import type { Speaker } from '../../domain/interaction/responses.js'
import { isSafeLink } from '../../domain/interaction/safeUrl.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { insertConcernResponse, listConcernResponses } from '../../store/publicConcernRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { actingAgency, parseOrRefuse } from './common.js'

/**
 * Speakers as typed in the console, one a line: “姓名，职务” and “（主要负责同志）” or “*” at the end for the
 * agency's principal leader.
 */
export function parseSpeakers(text: string): Speaker[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const leader = /(\*|（主要负责同志）|\(主要负责同志\))$/.test(l)
      const [name = '', ...title] = l
        .replace(/(\*|（主要负责同志）|\(主要负责同志\))$/, '')
        .split(/[，,]/)
        .map((s) => s.trim())
      return { name, title: title.join('，'), leader }
    })
}

const responseForm = z.object({
  kind: z.enum(RESPONSE_KIND_CODES, { message: '请选择回应方式' }),
  heldOn: daySchema('日期'),
  subject: z.string().trim().min(1, '请填写主题').max(200, '主题不超过200字'),
  concern: z.string().trim().min(1, '请填写回应的热点（同一热点多次回应只计1次）').max(100, '热点不超过100字'),
  speakers: z.string().trim().min(1, '请填写发布人或访谈嘉宾（每行一人）').max(2000, '发布人过多'),
  link: z
    .string()
    .trim()
    .max(500, '链接不超过500字符')
    .refine(isSafeLink, '链接应为 http:// 或 https:// 开头的网址')
    .default(''),
})

/** A response to public concern, with its speakers (主要负责同志 flagged) and its transcript's address. */
export async function recordConcernResponse(p: {
  store: Store
  actor: Actor
  agencyId: number | null
  form: unknown
  today: CalendarDay
}) {
  const f = parseOrRefuse(responseForm, p.form)
  if (f.heldOn > p.today) throw new ValidationError([{ field: 'heldOn', message: '日期不能晚于今天' }])
  const speakers = parseSpeakers(f.speakers)
  if (speakers.some((s) => !s.name)) throw new ValidationError([{ field: 'speakers', message: '每行应以姓名开头' }])
  const agencyId = actingAgency(p.actor, p.agencyId)
  authorize(p.actor, 'interaction.manage', { agencyId })
  return p.store.db.transaction().execute(async (trx) => {
    const id = await insertConcernResponse(trx, {
      agency_id: agencyId,
      kind: f.kind,
      held_on: f.heldOn,
      subject: f.subject,
      concern: f.concern,
      speakers: JSON.stringify(speakers),
      link: f.link,
      created_by: p.actor.username,
      created_at: nowIso(),
    })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'concern.response',
      targetType: 'interaction',
      targetId: id,
      detail: { kind: f.kind, heldOn: f.heldOn },
    })
    return id
  })
}

/** Responses for the portal (every agency's) or the console (the actor's agencies). */
export async function concernResponses(store: Store, agencyIds: readonly number[] | null) {
  const rows = await listConcernResponses(store.db, agencyIds)
  return rows.map((r) => ({ ...r, id: Number(r.id), speakers: JSON.parse(r.speakers) as Speaker[] }))
}
