import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Period } from '../../domain/supervision/period.js'
import { previousPeriod } from '../../domain/supervision/period.js'
import type { ScoreWeights } from '../../domain/supervision/score.js'
import { supervisionScore } from '../../domain/supervision/score.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import type { AgencyFigures } from './agencyFigures.js'
import { periodFigures } from './agencyFigures.js'
import type { InteractionFigures } from './agencyInteraction.js'
import { addInteraction, emptyInteraction, hasInteraction, periodInteraction } from './agencyInteraction.js'
import type { ScopedAgency, SupervisionScope } from './supervisionScope.js'
import { supervisionScope } from './supervisionScope.js'

export const SORT_KEYS = [
  'score',
  'received',
  'answered',
  'onTime',
  'overdueNow',
  'correctedRate',
  'proactive',
  'tree',
] as const
export type SortKey = (typeof SORT_KEYS)[number]

export interface OverviewLine {
  agency: ScopedAgency
  now: AgencyFigures
  before: AgencyFigures
  /** null: nothing to score (domain/supervision/score.ts) */
  score: number | null
  scoreBefore: number | null
  /** 1 for the best score of the comparison; agencies without a score come last */
  rank: number
  /** 政民互动: letters, consultations, surveys (agencyInteraction.ts) */
  interaction: { now: InteractionFigures; before: InteractionFigures }
}

export interface SupervisionOverview {
  scope: SupervisionScope
  period: Period
  previous: Period
  weights: ScoreWeights
  sort: SortKey
  lines: OverviewLine[]
  /** the subtree's sums (scores aside) */
  total: { now: AgencyFigures; before: AgencyFigures }
  /** the interaction figures summed over the subtree; null when no agency of it has any interaction record */
  interactionTotal: { now: InteractionFigures; before: InteractionFigures } | null
}

function sum(list: readonly AgencyFigures[]): AgencyFigures {
  const add = (f: (x: AgencyFigures) => number) => list.reduce((s, x) => s + f(x), 0)
  const outcomes: Record<string, number> = {}
  for (const x of list) for (const [k, v] of Object.entries(x.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v
  const reviews = { decided: add((x) => x.reviews.decided), corrected: add((x) => x.reviews.corrected) }
  const lawsuits = { decided: add((x) => x.lawsuits.decided), corrected: add((x) => x.lawsuits.corrected) }
  const decided = reviews.decided + lawsuits.decided
  return {
    agencyId: 0,
    received: add((x) => x.received),
    answered: add((x) => x.answered),
    onTime: add((x) => x.onTime),
    late: add((x) => x.late),
    overdueNow: add((x) => x.overdueNow),
    outcomes,
    reviews,
    lawsuits,
    correctedRate: decided > 0 ? (reviews.corrected + lawsuits.corrected) / decided : null,
    proactive: add((x) => x.proactive),
  }
}

const scoreInput = (f: AgencyFigures) => ({
  answered: f.answered,
  late: f.late,
  overdueNow: f.overdueNow,
  decided: f.reviews.decided + f.lawsuits.decided,
  corrected: f.reviews.corrected + f.lawsuits.corrected,
  proactive: f.proactive,
})

function sortValue(l: OverviewLine, key: SortKey): number {
  if (key === 'score') return -(l.score ?? -1)
  if (key === 'correctedRate') return l.now.correctedRate ?? -1
  if (key === 'overdueNow') return -l.now.overdueNow
  if (key === 'tree') return 0
  return -l.now[key]
}

/**
 * The supervisor's comparison of the agencies of their subtree for a period and the one before: each
 * agency's figures (agencyFigures.ts, the report's own computation), its score under the supervisor's
 * weights, its rank, sorted as asked ('tree': the hierarchy's order).
 */
export async function supervisionOverview(props: {
  store: Store
  actor: Actor
  rootId?: number | null
  period: Period
  weights: ScoreWeights
  sort: SortKey
  today: CalendarDay
}): Promise<SupervisionOverview> {
  const { store, period, weights, today } = props
  const scope = await supervisionScope(store, props.actor, props.rootId)
  const previous = previousPeriod(period)
  const now = await periodFigures(store, scope.agencies, period, today)
  const before = await periodFigures(store, scope.agencies, previous, today)
  const ids = scope.agencies.map((a) => a.id)
  const talkNow = await periodInteraction(store, ids, period, today)
  const talkBefore = await periodInteraction(store, ids, previous, today)
  const mostNow = Math.max(0, ...[...now.values()].map((f) => f.proactive))
  const mostBefore = Math.max(0, ...[...before.values()].map((f) => f.proactive))
  const lines = scope.agencies.flatMap((agency) => {
    const n = now.get(agency.id)
    const b = before.get(agency.id)
    if (!n || !b) return []
    return [
      {
        agency,
        now: n,
        before: b,
        score: supervisionScore(scoreInput(n), mostNow, weights),
        scoreBefore: supervisionScore(scoreInput(b), mostBefore, weights),
        rank: 0,
        interaction: {
          now: talkNow.get(agency.id) ?? emptyInteraction(),
          before: talkBefore.get(agency.id) ?? emptyInteraction(),
        },
      },
    ]
  })
  const scoreOf = (l: OverviewLine) => l.score ?? -1
  for (const l of lines) l.rank = 1 + lines.filter((x) => scoreOf(x) > scoreOf(l)).length
  const sorted =
    props.sort === 'tree' ? lines : [...lines].sort((a, b) => sortValue(a, props.sort) - sortValue(b, props.sort))
  return {
    scope,
    period,
    previous,
    weights,
    sort: props.sort,
    lines: sorted,
    total: { now: sum(lines.map((l) => l.now)), before: sum(lines.map((l) => l.before)) },
    interactionTotal: lines.some((l) => hasInteraction(l.interaction.now) || hasInteraction(l.interaction.before))
      ? {
          now: lines.map((l) => l.interaction.now).reduce(addInteraction, emptyInteraction()),
          before: lines.map((l) => l.interaction.before).reduce(addInteraction, emptyInteraction()),
        }
      : null,
  }
}
