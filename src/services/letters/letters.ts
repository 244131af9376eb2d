import type { Kysely } from 'kysely'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { addWorkingDays } from '../../domain/calendar/workingDays.js'
import { CONSULTATION_PERIOD, computeClock } from '../../domain/application/clock.js'
import type { Letter } from '../../domain/letters/composeLetter.js'
import { composeLetter, letterKindOf } from '../../domain/letters/composeLetter.js'
import type { RemedyBodies } from '../../domain/letters/remedies.js'
import type { LetterKind } from '../../domain/letters/templates.js'
import { DEFAULT_TEMPLATES } from '../../domain/letters/templates.js'
import { findApplication, loadEvents } from '../../store/applicationRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { nowIso } from '../../store/database.js'
import type { Database } from '../../store/schema.js'
import type { AuditActor } from '../auditLog.js'
import { appendAudit } from '../auditLog.js'
import { clockPolicyOf } from '../../domain/agency/settings.js'
import type { AgencySettings } from '../../domain/agency/settings.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { feeQuoteFor } from './feeQuote.js'

/** A JSON column read as an object; a broken or non-object value reads as empty. */
export function jsonObject<T extends object>(text: string): Partial<T> {
  try {
    const v: unknown = JSON.parse(text)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Partial<T>) : {}
  } catch {
    return {}
  }
}

/**
 * The review body and court an agency's letters name: `settings.remedies` when configured, else the
 * same-level people's government (行政复议法 2023 第二十四条) read from the agency's name.
 */
export function remedyBodiesOf(agencyName: string, settings: AgencySettings): RemedyBodies {
  const configured = settings.remedies ?? {}
  const city = /^(.+?[省市县区])/.exec(agencyName)?.[1]
  return {
    reviewBody: configured.reviewBody ?? (city ? `${city}人民政府` : '本机关的本级人民政府'),
    court: configured.court ?? '有管辖权的人民法院',
  }
}

export async function templateOf(db: Kysely<Database>, agencyId: number, kind: LetterKind): Promise<string> {
  const row = await db
    .selectFrom('letter_templates')
    .select('body')
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  return row?.body ?? DEFAULT_TEMPLATES[kind]
}

/** Saves an agency's template for one kind of letter (audited). Placeholders are checked against the default's. */
export async function saveTemplate(
  db: Kysely<Database>,
  agencyId: number,
  kind: LetterKind,
  body: string,
  by: AuditActor,
): Promise<void> {
  const text = body.replace(/\r\n/g, '\n').trim()
  if (!text) throw new ValidationError([{ field: 'body', message: '模板内容不能为空' }])
  if (text.length > 5000) throw new ValidationError([{ field: 'body', message: '模板内容过长（不超过5000字）' }])
  const known = new Set([...DEFAULT_TEMPLATES[kind].matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]))
  for (const k of ['机关', '申请人', '编号', '收到日期', '申请内容', '今天']) known.add(k)
  const unknown = [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).filter((k) => !known.has(k))
  if (unknown.length)
    throw new ValidationError([
      { field: 'body', message: `模板中有未知的占位符：${unknown.map((k) => `{${k}}`).join('、')}` },
    ])
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('letter_templates')
      .values({ agency_id: agencyId, kind, body: text, updated_by: by.actor, updated_at: nowIso() })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'kind']).doUpdateSet({ body: text, updated_by: by.actor, updated_at: nowIso() }),
      )
      .execute()
    await appendAudit(trx, {
      ...by,
      action: 'template.save',
      targetType: 'template',
      targetId: `${agencyId}:${kind}`,
      detail: { body: text },
    })
  })
}

/** The letters a case has produced so far: one per letter-making event, by its seq. */
export async function caseLetters(
  db: Kysely<Database>,
  applicationId: number,
): Promise<{ seq: number; kind: LetterKind; on: string }[]> {
  const events = await loadEvents(db, applicationId)
  return events.flatMap((e, seq) => {
    const kind = letterKindOf(e)
    return kind ? [{ seq, kind, on: e.on }] : []
  })
}

/** Composes the letter of event `seq` of a case with the agency's template and remedy bodies. */
export async function buildLetter(
  db: Kysely<Database>,
  applicationId: number,
  seq: number,
  today: CalendarDay,
): Promise<Letter> {
  const row = await findApplication(db, applicationId)
  if (!row) throw new NotFoundError('该申请')
  const events = await loadEvents(db, applicationId)
  const event = events[seq]
  const kind = event ? letterKindOf(event) : null
  if (!event || !kind) throw new NotFoundError('该文书')
  const agency = await findAgencyById(db, Number(row.agency_id))
  if (!agency) throw new NotFoundError('该机关')
  const cal = await loadWorkCalendar(db)
  const clock = computeClock(events.slice(0, seq + 1), cal, today, clockPolicyOf(agency.settings))
  const applicant = jsonObject<{ delivery?: string }>(row.applicant)
  let feeBasis: string | undefined
  if (event.kind === 'feeNoticed') {
    const quote = await feeQuoteFor(db, applicationId, event.method, event.pages)
    // a notice recorded before the method was kept, or whose count changed since: the rule without the figures
    feeBasis = quote.amountYuan === event.amountYuan ? quote.basis : '《政府信息公开信息处理费管理办法》第四条、第五条'
  }
  return composeLetter(
    kind,
    {
      agencyName: agency.name,
      bodies: remedyBodiesOf(agency.name, agency.settings),
      ref: row.ref,
      applicantName: row.applicant_name,
      receivedOn: row.received_on as CalendarDay,
      description: row.description,
      delivery: applicant.delivery ?? 'electronic',
      event,
      deadline: clock.deadline?.day ?? null,
      consultationLimit:
        event.kind === 'consultationStarted' ? addWorkingDays(event.on, CONSULTATION_PERIOD, cal).day : null,
      feeBasis,
    },
    await templateOf(db, Number(agency.id), kind),
  )
}
