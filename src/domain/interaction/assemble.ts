import type { Speaker } from './responses.js'
import { legacyResponseRows } from './responses.js'
import { emptyLetterCounts } from './rates.js'
import type { LetterCounts } from './rates.js'
import type { ChannelTotals, InteractionFacts } from './yearFacts.js'

/** What the store reads for a year, each row tagged with its agency and month ('YYYY-MM'). */
export interface InteractionRows {
  letters: (LetterCounts & { agencyId: number; month: string })[]
  complaints: { agencyId: number; month: string; n: number }[]
  responses: { agencyId: number; month: string; kind: string; concern: string; speakers: Speaker[] }[]
  channels: (ChannelTotals & { agencyId: number; month: string })[]
  accounts: { agencyId: number; platform: string; name: string }[]
  posts: { agencyId: number; month: string; platform: string; posts: number }[]
  consultations: { agencyId: number; month: string; comments: number; adopted: number }[]
  surveys: { agencyId: number; month: string; answers: number }[]
}

const plus = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0))

/**
 * The facts of one agency over the months `inSpan` accepts (a month for the dashboard, all of a year for the
 * report): counts add up; concerns answered are counted once over the whole span.
 */
export function assembleFacts(rows: InteractionRows, agencyId: number, inSpan: (month: string) => boolean) {
  const mine = <T extends { agencyId: number; month: string }>(list: readonly T[]) =>
    list.filter((r) => r.agencyId === agencyId && inSpan(r.month))
  const letters = emptyLetterCounts()
  for (const r of mine(rows.letters)) for (const k of Object.keys(letters) as (keyof LetterCounts)[]) letters[k] += r[k]
  const events = mine(rows.responses)
  const channels = new Map<string, ChannelTotals>()
  for (const c of mine(rows.channels)) {
    const t = channels.get(c.channel)
    channels.set(
      c.channel,
      t
        ? {
            channel: c.channel,
            received: t.received + c.received,
            concluded: plus(t.concluded, c.concluded),
            resolved: plus(t.resolved, c.resolved),
            onTime: plus(t.onTime, c.onTime),
          }
        : { channel: c.channel, received: c.received, concluded: c.concluded, resolved: c.resolved, onTime: c.onTime },
    )
  }
  const accountPosts: Record<string, number> = {}
  for (const p of mine(rows.posts)) accountPosts[p.platform] = (accountPosts[p.platform] ?? 0) + p.posts
  const consultations = mine(rows.consultations)
  const surveys = mine(rows.surveys)
  const facts: InteractionFacts = {
    letters,
    responses: legacyResponseRows(events),
    responseEvents: events.length,
    accountPosts,
    accounts: rows.accounts.filter((a) => a.agencyId === agencyId).map(({ platform, name }) => ({ platform, name })),
    complaintsAboutDisclosure: mine(rows.complaints).reduce((s, r) => s + r.n, 0),
    channels: [...channels.values()],
    consultations: {
      held: consultations.length,
      comments: consultations.reduce((s, c) => s + c.comments, 0),
      adopted: consultations.reduce((s, c) => s + c.adopted, 0),
    },
    surveys: { held: surveys.length, answers: surveys.reduce((s, c) => s + c.answers, 0) },
  }
  return facts
}
