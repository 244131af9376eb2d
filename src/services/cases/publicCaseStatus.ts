import { isOutcomeCode, outcomeLabel } from '../../domain/application/outcomes.js'
import { stateLabel } from '../../domain/application/states.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Letter } from '../../domain/letters/composeLetter.js'
import { findApplicationByQueryCode } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import { loadCaseContext } from '../caseContext.js'
import { buildLetter, caseLetters } from '../letters/letters.js'
import { RuleViolation } from '../../domain/application/rules.js'

/** The case as the public sees it by its query code: stage, dates, outcome. Nothing personal. */
export interface PublicStatus {
  queryCode: string
  agencyName: string
  receivedOn: string
  stage: string
  stageLabel: string
  dueBy: string | null
  provisional: boolean
  concludedOn: string | null
  outcome: string | null
  outcomeLabel: string | null
  /** the last reply letter, when the case was answered */
  replyLetter: Letter | null
}

const QUERY_CODE = /^[A-Z0-9]{6,16}$/

export interface PublicCaseStatusProps {
  store: Store
  /** as typed by the applicant: trimmed and upper-cased here */
  queryCode: string
  today: CalendarDay
}

/**
 * The reply letter as the applicant may read it online; none while the agency's review body is unknown (decision
 * 0010: staff are refused the letter with the reason; the public page still shows the status).
 */
async function publicReplyLetter(store: Store, id: number, seq: number, today: CalendarDay) {
  try {
    return await buildLetter(store.db, id, seq, today)
  } catch (err) {
    if (err instanceof RuleViolation) return null
    throw err
  }
}

/** The public status of the case with this query code; null when there is none (or the code is malformed). */
export async function publicCaseStatus({
  store,
  queryCode,
  today,
}: PublicCaseStatusProps): Promise<PublicStatus | null> {
  const code = queryCode.trim().toUpperCase()
  if (!QUERY_CODE.test(code)) return null
  const row = await findApplicationByQueryCode(store.db, code)
  if (!row) return null
  const id = Number(row.id)
  const c = await loadCaseContext(store.db, id, today)
  const reply = (await caseLetters(store.db, id)).filter((l) => l.kind === 'reply').at(-1)
  const o = c.clock.outcome
  return {
    queryCode: row.query_code,
    agencyName: c.agency.name,
    receivedOn: c.clock.receivedOn,
    stage: c.state,
    stageLabel: stateLabel(c.state),
    dueBy: c.clock.deadline?.day ?? null,
    // the mark belongs to the date shown: the deadline in force
    provisional: c.clock.deadline?.provisional ?? false,
    concludedOn: c.clock.concludedOn,
    outcome: o,
    outcomeLabel: o && isOutcomeCode(o) ? outcomeLabel(o) : null,
    replyLetter: reply ? await publicReplyLetter(store, id, reply.seq, today) : null,
  }
}
