import { daySchema } from '../domain/calendar/calendarDay.js'
import { APPLICANT_NAME_MAX_CHARS, DESCRIPTION_MAX_CHARS } from '../domain/application/textLimits.js'
import type { Kysely } from 'kysely'
import { randomInt } from 'node:crypto'
import { z } from 'zod'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { APPLICANT_KIND_CODES, CHANNELS, TOPICS } from '../domain/application/applicant.js'
import type { Channel } from '../domain/application/applicant.js'
import type { ApplicationEvent, ReceiptBasis } from '../domain/application/events.js'
import { computeClock } from '../domain/application/clock.js'
import type { Store } from '../store/database.js'
import type { Database } from '../store/schema.js'
import { appendEvent, findApplication, insertApplication } from '../store/applicationRepo.js'
import { loadWorkCalendar } from '../store/calendarRepo.js'
import type { CaseFile } from './caseFile.js'
import { saveDerived } from './caseFile.js'
import { clockPolicyOf } from '../domain/agency/settings.js'
import { findAgencyById } from '../store/agencyRepo.js'
import { NotFoundError, ValidationError } from './errors.js'
import { nextCaseRef } from './cases/nextCaseRef.js'

// 《条例》第三十一条: the basis of the receipt date follows from the channel unless staff say otherwise
const DEFAULT_BASIS: Record<Channel, ReceiptBasis> = {
  inPerson: 'submitted',
  letter: 'signedFor',
  online: 'systemConfirmed',
  fax: 'faxConfirmed',
  other: 'submitted',
}

const registerInput = z.object({
  agencyId: z.number().int().positive('请选择机关'),
  ref: z.string().trim().min(1).max(64).optional(),
  channel: z.enum(
    CHANNELS.map((c) => c.code),
    { message: '申请方式无效' },
  ),
  receiptBasis: z
    .enum(['submitted', 'signedFor', 'confirmedWithApplicant', 'systemConfirmed', 'faxConfirmed'], {
      message: '收到日期依据无效',
    })
    .optional(),
  receivedOn: daySchema('收到日期'),
  applicantKind: z.enum(APPLICANT_KIND_CODES, { message: '申请人类型无效' }),
  applicantName: z
    .string()
    .trim()
    .min(1, '请填写申请人姓名或名称')
    .max(APPLICANT_NAME_MAX_CHARS, '申请人姓名或名称过长'),
  applicant: z.record(z.string(), z.unknown()).default({}),
  description: z
    .string()
    .trim()
    .min(1, '请填写所需政府信息的描述')
    .max(DESCRIPTION_MAX_CHARS, `所需信息描述过长（不超过${DESCRIPTION_MAX_CHARS}字）`),
  topic: z.enum(TOPICS, { message: '申请类型无效' }).nullable().optional(),
  actor: z.string().optional(),
  /** 第三十一条第（三）项: when an online submission was made, if the receipt was confirmed on a later day */
  submitted: z.object({ on: daySchema('提交日期'), at: z.string().optional() }).optional(),
})

export type RegisterInput = z.input<typeof registerInput>

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A query code the applicant follows the case with: 10 characters, no look-alikes (0/O, 1/I). */
export function newQueryCode(): string {
  let s = ''
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return s
}

export function zodErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(整体)', message: i.message }))
}

export type Registration = z.output<typeof registerInput>

/** Reads a registration (any channel) and checks its receipt date is not in the future. */
export function parseRegistration(input: unknown, today: CalendarDay): Registration {
  const parsed = registerInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  if (parsed.data.receivedOn > today)
    throw new ValidationError([{ field: 'receivedOn', message: '收到日期不能晚于今天' }])
  return parsed.data
}

/** Registers an application inside the caller's transaction: the case and its first event. */
export async function insertCase(trx: Kysely<Database>, a: Registration, today: CalendarDay): Promise<CaseFile> {
  const agency = await findAgencyById(trx, a.agencyId)
  if (!agency) throw new NotFoundError('该机关')
  const queryCode = newQueryCode()
  const receivedOn = a.receivedOn
  const id = await insertApplication(trx, {
    agencyId: a.agencyId,
    // the office's case number: the agency's own, per year of receipt (services/cases/nextCaseRef.ts)
    ref: a.ref ?? (await nextCaseRef(trx, agency, Number(receivedOn.slice(0, 4)))),
    queryCode,
    channel: a.channel,
    applicantKind: a.applicantKind,
    applicantName: a.applicantName,
    applicant: a.applicant,
    description: a.description,
    topic: a.topic ?? null,
    receivedOn,
  })
  const event: ApplicationEvent = {
    kind: 'registered',
    on: receivedOn,
    channel: a.channel,
    receiptBasis: a.receiptBasis ?? DEFAULT_BASIS[a.channel],
    applicantKind: a.applicantKind,
    ...(a.actor ? { actor: a.actor } : {}),
    ...(a.submitted ? { submitted: a.submitted } : {}),
  }
  await appendEvent(trx, id, 0, event)
  const cal = await loadWorkCalendar(trx)
  const clock = computeClock([event], cal, today, clockPolicyOf(agency.settings))
  await saveDerived(trx, id, [event], clock)
  const row = await findApplication(trx, id)
  if (!row) throw new NotFoundError('申请')
  return { row, events: [event], state: 'registered', clock }
}

/**
 * Registers an application from any channel, in one transaction, without an audit entry: for the
 * command line's bulk work and the tests. People register through services/cases/registerCase.ts.
 */
export async function registerApplication(store: Store, input: RegisterInput, today: CalendarDay): Promise<CaseFile> {
  const a = parseRegistration(input, today)
  return store.db.transaction().execute((trx) => insertCase(trx, a, today))
}
