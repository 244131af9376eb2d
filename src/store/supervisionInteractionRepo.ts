import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

// The interaction records behind one figure of the supervisor's comparison: the same date each figure is
// counted by in interactionFactsRepo.ts (a letter by received_on or answered_on, a consultation by the day it
// closes, a survey by the day it opens), for one agency and a span of days.

export type InteractionDrillFact = 'lettersReceived' | 'lettersAnswered' | 'consultations' | 'surveys'

export interface InteractionDrillRow {
  kind: 'letter' | 'consultation' | 'survey'
  id: number
  title: string
  /** the day the row is counted by */
  day: string
  /** received | routed | answered; open | closed; '' for a survey */
  status: string
  dueOn: string | null
  answeredOn: string | null
  answeredLate: boolean
}

const LIMIT = 2000

export async function interactionDrillRows(
  db: Kysely<Database>,
  agencyId: number,
  span: { from: string; to: string },
  fact: InteractionDrillFact,
): Promise<InteractionDrillRow[]> {
  if (fact === 'consultations') {
    const rows = await db
      .selectFrom('consultations')
      .select(['id', 'title', 'closes_on', 'status'])
      .where('agency_id', '=', agencyId)
      .where('closes_on', '>=', span.from)
      .where('closes_on', '<=', span.to)
      .orderBy('closes_on')
      .orderBy('id')
      .limit(LIMIT)
      .execute()
    return rows.map((r) => ({
      kind: 'consultation',
      id: Number(r.id),
      title: r.title,
      day: r.closes_on,
      status: r.status,
      dueOn: null,
      answeredOn: null,
      answeredLate: false,
    }))
  }
  if (fact === 'surveys') {
    const rows = await db
      .selectFrom('surveys')
      .select(['id', 'title', 'opens_on'])
      .where('agency_id', '=', agencyId)
      .where('opens_on', '>=', span.from)
      .where('opens_on', '<=', span.to)
      .orderBy('opens_on')
      .orderBy('id')
      .limit(LIMIT)
      .execute()
    return rows.map((r) => ({
      kind: 'survey',
      id: Number(r.id),
      title: r.title,
      day: r.opens_on,
      status: '',
      dueOn: null,
      answeredOn: null,
      answeredLate: false,
    }))
  }
  const column = fact === 'lettersReceived' ? 'received_on' : 'answered_on'
  const rows = await db
    .selectFrom('letters')
    .select(['id', 'subject', 'received_on', 'status', 'due_on', 'answered_on', 'answered_late'])
    .where('agency_id', '=', agencyId)
    .where(column, '>=', span.from)
    .where(column, '<=', span.to)
    .orderBy(column)
    .orderBy('id')
    .limit(LIMIT)
    .execute()
  return rows.map((r) => letterRow(r, fact === 'lettersReceived' ? r.received_on : (r.answered_on ?? '')))
}

/** Open letters (not answered) of some agencies: the service decides which are overdue (isOverdue). */
export async function openLettersOf(db: Kysely<Database>, agencyIds: readonly number[]) {
  if (agencyIds.length === 0) return []
  return db
    .selectFrom('letters')
    .select(['id', 'agency_id', 'subject', 'received_on', 'status', 'due_on', 'answered_on', 'answered_late'])
    .where('agency_id', 'in', [...agencyIds])
    .where('status', '!=', 'answered')
    .orderBy('due_on')
    .orderBy('id')
    .execute()
}

export function letterRow(
  r: {
    id: number
    subject: string
    status: string
    due_on: string
    answered_on: string | null
    answered_late: number | null
  },
  day: string,
): InteractionDrillRow {
  return {
    kind: 'letter',
    id: Number(r.id),
    title: r.subject,
    day,
    status: r.status,
    dueOn: r.due_on,
    answeredOn: r.answered_on,
    answeredLate: Number(r.answered_late ?? 0) === 1,
  }
}
