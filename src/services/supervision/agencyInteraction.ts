import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { assembleFacts } from '../../domain/interaction/assemble.js'
import { isOverdue } from '../../domain/interaction/letters.js'
import type { Period } from '../../domain/supervision/period.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { readInteractionRows } from '../../store/interactionFactsRepo.js'
import type { InteractionDrillFact, InteractionDrillRow } from '../../store/supervisionInteractionRepo.js'
import { interactionDrillRows, letterRow, openLettersOf } from '../../store/supervisionInteractionRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError } from '../errors.js'

/** One agency's 政民互动 figures for a period, as the supervisor's comparison shows them. */
export interface InteractionFigures {
  lettersReceived: number
  lettersAnswered: number
  lettersOnTime: number
  /** open letters past their last day, read today (the dashboard's reminder) */
  lettersOverdueNow: number
  consultations: number
  comments: number
  surveys: number
  surveyAnswers: number
}

export const emptyInteraction = (): InteractionFigures => ({
  lettersReceived: 0,
  lettersAnswered: 0,
  lettersOnTime: 0,
  lettersOverdueNow: 0,
  consultations: 0,
  comments: 0,
  surveys: 0,
  surveyAnswers: 0,
})

export function addInteraction(a: InteractionFigures, b: InteractionFigures): InteractionFigures {
  const out = { ...a }
  for (const k of Object.keys(out) as (keyof InteractionFigures)[]) out[k] += b[k]
  return out
}

/** Whether an agency has anything to show: the comparison lists interaction only where there are records. */
export const hasInteraction = (f: InteractionFigures) => Object.values(f).some((v) => v > 0)

const inPeriod = (period: Period) => (month: string) =>
  month >= period.from.slice(0, 7) && month <= period.to.slice(0, 7)

/**
 * Every listed agency's interaction figures for a period: the records the report and the agency's own dashboard
 * count (readInteractionRows, added up by assembleFacts over the period's months), and the open letters that
 * isOverdue says are past their last day today.
 */
export async function periodInteraction(
  store: Store,
  agencyIds: readonly number[],
  period: Period,
  today: CalendarDay,
): Promise<Map<number, InteractionFigures>> {
  const rows = await readInteractionRows(store.db, period.year, agencyIds)
  const open = await openLettersOf(store.db, agencyIds)
  const out = new Map<number, InteractionFigures>()
  for (const id of agencyIds) {
    const f = assembleFacts(rows, id, inPeriod(period))
    out.set(id, {
      lettersReceived: f.letters.received,
      lettersAnswered: f.letters.answered,
      lettersOnTime: f.letters.answeredOnTime,
      lettersOverdueNow: open.filter(
        (l) => Number(l.agency_id) === id && isOverdue({ status: l.status, dueOn: l.due_on as CalendarDay }, today),
      ).length,
      consultations: f.consultations.held,
      comments: f.consultations.comments,
      surveys: f.surveys.held,
      surveyAnswers: f.surveys.answers,
    })
  }
  return out
}

/** The figures a supervisor may open, with the words the drill-down page heads its list with. */
export const INTERACTION_DRILL_FACTS = {
  lettersReceived: '收到来信',
  lettersAnswered: '办结来信',
  lettersOverdue: '目前超期未办来信',
  consultations: '意见征集',
  surveys: '问卷调查',
} as const
export type InteractionFact = keyof typeof INTERACTION_DRILL_FACTS
export const INTERACTION_FACTS = [
  'lettersReceived',
  'lettersAnswered',
  'lettersOverdue',
  'consultations',
  'surveys',
] as const satisfies readonly InteractionFact[]

/**
 * The records behind one interaction figure of one agency, only for an agency in the actor's scope (any other
 * answers "not found" through authorize, never an empty list).
 */
export async function supervisedInteraction(props: {
  store: Store
  actor: Actor
  agencyId: number
  period: Period
  fact: InteractionFact
  today: CalendarDay
}): Promise<{ agency: string; rows: InteractionDrillRow[] }> {
  const { store, agencyId, period, today } = props
  const agency = await findAgencyById(store.db, agencyId)
  if (!agency) throw new NotFoundError('该机关')
  authorize(props.actor, 'supervision.read', { agencyId })
  authorize(props.actor, 'interaction.read', { agencyId })
  if (props.fact === 'lettersOverdue') {
    const open = await openLettersOf(store.db, [agencyId])
    const rows = open.filter((l) => isOverdue({ status: l.status, dueOn: l.due_on as CalendarDay }, today))
    return { agency: agency.name, rows: rows.map((l) => letterRow(l, l.received_on)) }
  }
  const fact: InteractionDrillFact = props.fact
  return { agency: agency.name, rows: await interactionDrillRows(store.db, agencyId, period, fact) }
}
