import type { ApplicationEvent } from '../../domain/application/events.js'
import { isOutcomeCode, outcomeLabel } from '../../domain/application/outcomes.js'
import { EVENT_LABELS, stateLabel } from '../../domain/application/states.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Letter } from '../../domain/letters/composeLetter.js'
import { letterKindOf } from '../../domain/letters/composeLetter.js'
import { findApplicationByQueryCode } from '../../store/applicationRepo.js'
import { applicantDetails } from '../personalData/vault.js'
import { listApplicationFilesFor } from '../../store/applicationFileRepo.js'
import type { Store } from '../../store/database.js'
import { loadCaseContext } from '../caseContext.js'
import { issuedLetter } from '../letters/issuedLetters.js'
import { RuleViolation } from '../../domain/application/rules.js'
import type { SecondFactor } from './publicApplication.js'
import { SECOND_FACTORS } from './publicApplication.js'
import { grantValid } from './grantDownload.js'

/** The case as the public sees it by its query code: stage, dates, steps, letters. Nothing personal. */
export interface PublicStatus {
  queryCode: string
  agencyName: string
  agencyCode: string
  receivedOn: string
  stage: string
  stageLabel: string
  dueBy: string | null
  provisional: boolean
  concludedOn: string | null
  outcome: string | null
  outcomeLabel: string | null
  /** every step the applicant may see, with its day */
  steps: { label: string; on: string }[]
  /** 第三十条: while a 补正 is awaited, what is missing and the day by which to send it */
  supplement: { request: string; completeBy: string; requestedOn: string } | null
  /** the letters addressed to the applicant, oldest first */
  letters: Letter[]
  /** the last reply letter, when the case was answered */
  replyLetter: Letter | null
  /** the files the answer discloses (names only; downloaded after the second factor) */
  disclosedFiles: { id: number; fileName: string; size: number }[]
  /** how the applicant proves the download is theirs (chosen when applying) */
  secondFactor: SecondFactor
  secondFactorLabel: string
  /** this request holds a valid download grant */
  downloadsUnlocked: boolean
  /** the 送达 day, once recorded */
  deliveredOn: string | null
}

const QUERY_CODE = /^[A-Z0-9]{6,16}$/

/** Steps the applicant is not a party to (a receipt date noted for a third party's letter, a notice to it). */
const INTERNAL: ReadonlySet<ApplicationEvent['kind']> = new Set(['letterReceived', 'thirdPartyNotified'])

export interface PublicCaseStatusProps {
  store: Store
  /** as typed by the applicant: trimmed and upper-cased here */
  queryCode: string
  today: CalendarDay
  /** the download grant the browser holds (cookie), if any */
  grant?: string
  now?: Date
}

/**
 * A letter as the applicant may read it online, as issued; none while the agency's review body is unknown
 * (decision 0010: staff are refused the letter with the reason; the public page still shows the status).
 */
async function publicLetter(store: Store, id: number, seq: number, today: CalendarDay): Promise<Letter | null> {
  try {
    return (await issuedLetter(store.db, id, seq, today)).letter
  } catch (err) {
    if (err instanceof RuleViolation) return null
    throw err
  }
}

function secondFactorOf(applicant: Record<string, unknown>): SecondFactor {
  const f = SECOND_FACTORS.find((x) => x.code === applicant.secondFactor)
  return f?.code ?? 'idTail'
}

/** The public status of the case with this query code; null when there is none (or the code is malformed). */
export async function publicCaseStatus({
  store,
  queryCode,
  today,
  grant,
  now = new Date(),
}: PublicCaseStatusProps): Promise<PublicStatus | null> {
  const code = queryCode.trim().toUpperCase()
  if (!QUERY_CODE.test(code)) return null
  const row = await findApplicationByQueryCode(store.db, code)
  if (!row) return null
  const id = Number(row.id)
  const c = await loadCaseContext(store.db, id, today)
  const o = c.clock.outcome
  const letters: Letter[] = []
  let replyLetter: Letter | null = null
  for (const [seq, e] of c.events.entries()) {
    const kind = letterKindOf(e)
    if (!kind || kind === 'consultation' || kind === 'thirdPartyNotice') continue
    const letter = await publicLetter(store, id, seq, today)
    if (!letter) continue
    letters.push(letter)
    if (kind === 'reply') replyLetter = letter
  }
  const request = c.events.findLast((e) => e.kind === 'supplementRequested')
  const answered = c.state === 'answered' || c.state === 'delivered' || c.state === 'archived'
  const factor = secondFactorOf(await applicantDetails(store.db, row))
  return {
    queryCode: row.query_code,
    agencyName: c.agency.name,
    agencyCode: c.agency.code,
    receivedOn: c.clock.receivedOn,
    stage: c.state,
    stageLabel: stateLabel(c.state),
    dueBy: c.clock.deadline?.day ?? null,
    // the mark belongs to the date shown: the deadline in force
    provisional: c.clock.deadline?.provisional ?? false,
    concludedOn: c.clock.concludedOn,
    outcome: o,
    outcomeLabel: o && isOutcomeCode(o) ? outcomeLabel(o) : null,
    steps: c.events.filter((e) => !INTERNAL.has(e.kind)).map((e) => ({ label: EVENT_LABELS[e.kind], on: e.on })),
    supplement:
      c.state === 'awaitingSupplement' && request?.kind === 'supplementRequested'
        ? { request: request.request, completeBy: request.completeBy, requestedOn: request.on }
        : null,
    letters,
    replyLetter,
    disclosedFiles: answered
      ? (await listApplicationFilesFor(store.db, id, 'disclosed')).map((f) => ({
          id: f.id,
          fileName: f.fileName,
          size: f.size,
        }))
      : [],
    secondFactor: factor,
    secondFactorLabel: SECOND_FACTORS.find((f) => f.code === factor)?.label ?? '',
    downloadsUnlocked: grant ? await grantValid(store, id, grant, now) : false,
    deliveredOn: c.events.find((e) => e.kind === 'delivered')?.on ?? null,
  }
}
