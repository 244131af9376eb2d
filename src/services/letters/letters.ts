import type { Kysely } from 'kysely'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { computeClock, consultationLastDay } from '../../domain/application/clock.js'
import type { Letter } from '../../domain/letters/composeLetter.js'
import { composeLetter, letterKindOf } from '../../domain/letters/composeLetter.js'
import { isApplicantKind } from '../../domain/application/applicant.js'
import type { RemedyBodies } from '../../domain/letters/remedies.js'
import type { LetterKind } from '../../domain/letters/templates.js'
import { DEFAULT_TEMPLATES } from '../../domain/letters/templates.js'
import { findApplication, loadEvents } from '../../store/applicationRepo.js'
import { openApplicant } from '../personalData/vault.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Database } from '../../store/schema.js'
import { clockPolicyOf } from '../../domain/agency/settings.js'
import type { Agency } from '../../store/agencyRepo.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { ApplicationEvent } from '../../domain/application/events.js'
import { RuleViolation } from '../../domain/application/rules.js'
import { letterDecides } from '../../domain/letters/templates.js'
import { agencyReviewBody } from './reviewBody.js'
import { findLetterTemplate } from '../../store/letterTemplateRepo.js'
import { NotFoundError } from '../errors.js'
import { feeQuoteFor } from './feeQuote.js'

/**
 * The review body and court an agency's letters name: the body from its kind and hierarchy (行政复议法 2023 第二十四至
 * 二十八条, decision 0010; agencyReviewBody), the court as configured. A deciding letter is refused while no body is known:
 * a letter naming none lets the review period run up to a year (第二十条第三款).
 */
async function remedyBodiesOf(db: Kysely<Database>, agency: Agency, kind: LetterKind): Promise<RemedyBodies> {
  const review = await agencyReviewBody(db, agency)
  if (!review.body && letterDecides(kind))
    throw new RuleViolation(
      'reviewBody',
      `「${agency.name}」的行政复议机关尚未确定：${review.missing ?? '请管理员在“机关与处室”页设置'}，再生成文书`,
    )
  return { reviewBody: review.body ?? '', court: agency.settings.remedies?.court ?? '有管辖权的人民法院' }
}

/** The correction request a correction answer replies to: the last one before it (第四十一条). */
function correctionRequestOf(before: readonly ApplicationEvent[]): { on: CalendarDay; request: string } | null {
  const r = before.findLast((x) => x.kind === 'correctionRequested')
  return r && r.kind === 'correctionRequested' ? { on: r.on, request: r.request } : null
}

/** An agency's text for one kind of letter: its own when it saved one, else the default. */
export async function templateOf(db: Kysely<Database>, agencyId: number, kind: LetterKind): Promise<string> {
  return (await findLetterTemplate(db, agencyId, kind)) ?? DEFAULT_TEMPLATES[kind]
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
  const applicant = await openApplicant(db, row)
  const { delivery } = applicant.details
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
      bodies: await remedyBodiesOf(db, agency, kind),
      ref: row.ref,
      applicantName: applicant.name,
      ...(isApplicantKind(row.applicant_kind) ? { applicantKind: row.applicant_kind } : {}),
      receivedOn: clock.receivedOn,
      description: row.description,
      delivery: typeof delivery === 'string' ? delivery : 'electronic',
      event,
      deadline: clock.deadline?.day ?? null,
      consultationLimit:
        // the same last day the clock pauses to (第三十二条: counted from the party's receipt of this letter)
        event.kind === 'consultationStarted' ? consultationLastDay(event, cal).day : null,
      feeBasis,
      consultedOn: events.slice(0, seq).findLast((x) => x.kind === 'consultationStarted')?.on ?? null,
      correctionRequest: correctionRequestOf(events.slice(0, seq)),
    },
    await templateOf(db, Number(agency.id), kind),
  )
}
