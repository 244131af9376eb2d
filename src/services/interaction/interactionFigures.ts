import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { can, listScope } from '../../domain/auth/permissions.js'
import { assembleFacts } from '../../domain/interaction/assemble.js'
import { monthsOf } from '../../domain/interaction/channels.js'
import { isOverdue } from '../../domain/interaction/letters.js'
import type { InteractionFacts } from '../../domain/interaction/yearFacts.js'
import { emptyInteractionFacts } from '../../domain/interaction/yearFacts.js'
import { readInteractionRows } from '../../store/interactionFactsRepo.js'
import type { Store } from '../../store/database.js'
import { listLetters } from '../../store/letterRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { dueWindow } from '../cases/dueWindow.js'

export interface InteractionMonth {
  month: string
  facts: InteractionFacts
}

export interface InteractionPanel {
  year: number
  months: InteractionMonth[]
  total: InteractionFacts
  /** reminders: open letters past their last day, and those due soon (the applications' window, dueWindow) */
  overdueLetters: number
  dueSoonLetters: number
}

/**
 * The year's interaction figures per month and in total for the agencies the actor reads (the dashboard's
 * panel): every number counted from records by the same functions the report uses.
 */
export async function interactionPanel(p: {
  store: Store
  actor: Actor
  today: CalendarDay
}): Promise<InteractionPanel | null> {
  const principal = authorize(p.actor, 'console.view')
  if (!can(principal, 'interaction.read')) return null
  const scope = listScope(principal, 'interaction.read')
  const agencyIds = scope.allAgencies ? null : scope.agencyIds
  const year = Number(p.today.slice(0, 4))
  const rows = await readInteractionRows(p.store.db, year, agencyIds)
  const ids = new Set(rows.letters.map((r) => r.agencyId))
  for (const list of [rows.responses, rows.channels, rows.posts, rows.consultations, rows.surveys, rows.complaints])
    for (const r of list) ids.add(r.agencyId)
  const sumOver = (inSpan: (m: string) => boolean) => {
    const parts = [...ids].map((id) => assembleFacts(rows, id, inSpan))
    return parts.length ? parts.reduce(addFacts) : emptyInteractionFacts()
  }
  const open = await listLetters(p.store.db, { agencyIds, departmentIds: scope.departmentIds, open: true, limit: 1000 })
  const { soonUntil } = await dueWindow(p.store, p.today)
  return {
    year,
    months: monthsOf(year)
      .filter((m) => m <= p.today.slice(0, 7))
      .map((month) => ({ month, facts: sumOver((m) => m === month) })),
    total: sumOver(() => true),
    overdueLetters: open.filter((l) => isOverdue({ status: l.status, dueOn: l.due_on as CalendarDay }, p.today)).length,
    dueSoonLetters: open.filter((l) => l.due_on >= p.today && l.due_on <= soonUntil).length,
  }
}

/** Two agencies' facts as one (a supervisor's panel): counts add; concerns of different agencies are different. */
function addFacts(a: InteractionFacts, b: InteractionFacts): InteractionFacts {
  const sumRec = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x }
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v
    return out
  }
  const letters = { ...a.letters }
  for (const k of Object.keys(letters) as (keyof typeof letters)[]) letters[k] += b.letters[k]
  return {
    letters,
    responses: sumRec(a.responses, b.responses),
    responseEvents: a.responseEvents + b.responseEvents,
    accountPosts: sumRec(a.accountPosts, b.accountPosts),
    accounts: [...a.accounts, ...b.accounts],
    complaintsAboutDisclosure: a.complaintsAboutDisclosure + b.complaintsAboutDisclosure,
    channels: [...a.channels, ...b.channels],
    consultations: {
      held: a.consultations.held + b.consultations.held,
      comments: a.consultations.comments + b.consultations.comments,
      adopted: a.consultations.adopted + b.consultations.adopted,
    },
    surveys: { held: a.surveys.held + b.surveys.held, answers: a.surveys.answers + b.surveys.answers },
  }
}
