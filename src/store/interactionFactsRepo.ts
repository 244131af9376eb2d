import type { Kysely, RawBuilder } from 'kysely'
import { sql } from 'kysely'
import type { InteractionRows } from '../domain/interaction/assemble.js'
import type { Speaker } from '../domain/interaction/responses.js'
import type { Database } from './schema.js'

// The interaction records of a year, counted per agency and month in a few grouped queries: the report
// (统计表 rows, the narrative) and the dashboard read these, and domain/interaction/assemble.ts adds them up.

const cnt = (cond: RawBuilder<unknown>, alias: string) => sql<number>`count(*) filter (where ${cond})`.as(alias)
const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`

function inAgencies<T extends string>(column: T, agencyIds: readonly number[] | null) {
  if (agencyIds === null) return sql<boolean>`1 = 1`
  if (agencyIds.length === 0) return sql<boolean>`1 = 0`
  return sql<boolean>`${sql.ref(column)} in (${sql.join([...agencyIds])})`
}

function yearSpan(year: number): [string, string] {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error(`bad year ${year}`)
  return [`${year}-01-01`, `${year}-12-31`]
}

async function letterRows(db: Kysely<Database>, year: number, agencyIds: readonly number[] | null) {
  const [d0, d1] = yearSpan(year)
  const received = await db
    .selectFrom('letters')
    .select(['agency_id', month('received_on').as('m'), sql<number>`count(*)`.as('n')])
    .where('received_on', '>=', d0)
    .where('received_on', '<=', d1)
    .where(inAgencies('agency_id', agencyIds))
    .groupBy(['agency_id', month('received_on')])
    .execute()
  const answered = await db
    .selectFrom('letters')
    .select([
      'agency_id',
      month('answered_on').as('m'),
      sql<number>`count(*)`.as('answered'),
      cnt(sql`answered_late = 0`, 'onTime'),
      cnt(sql`rating is not null`, 'rated'),
      cnt(sql`rating = 'satisfied'`, 'satisfied'),
      cnt(sql`rating = 'basic'`, 'basic'),
      cnt(sql`rating = 'dissatisfied'`, 'dissatisfied'),
    ])
    .where('answered_on', '>=', d0)
    .where('answered_on', '<=', d1)
    .where(inAgencies('agency_id', agencyIds))
    .groupBy(['agency_id', month('answered_on')])
    .execute()
  const byKey = new Map<string, InteractionRows['letters'][number]>()
  const row = (agencyId: number, m: string) => {
    const key = `${agencyId}/${m}`
    let r = byKey.get(key)
    if (!r) {
      r = {
        agencyId,
        month: m,
        received: 0,
        answered: 0,
        answeredOnTime: 0,
        rated: 0,
        satisfied: 0,
        basic: 0,
        dissatisfied: 0,
      }
      byKey.set(key, r)
    }
    return r
  }
  for (const r of received) row(Number(r.agency_id), r.m).received = Number(r.n)
  for (const r of answered)
    Object.assign(row(Number(r.agency_id), r.m), {
      answered: Number(r.answered),
      answeredOnTime: Number(r.onTime),
      rated: Number(r.rated),
      satisfied: Number(r.satisfied),
      basic: Number(r.basic),
      dissatisfied: Number(r.dissatisfied),
    })
  return [...byKey.values()]
}

/** Every interaction record of `year` the report and the dashboard count, for the agencies (all when null). */
export async function readInteractionRows(
  db: Kysely<Database>,
  year: number,
  agencyIds: readonly number[] | null,
): Promise<InteractionRows> {
  const [d0, d1] = yearSpan(year)
  const complaints = await db
    .selectFrom('letters')
    .select(['agency_id', month('received_on').as('m'), sql<number>`count(*)`.as('n')])
    .where('received_on', '>=', d0)
    .where('received_on', '<=', d1)
    .where('kind', 'in', ['complain', 'report'])
    .where('about_disclosure', '=', 1)
    .where(inAgencies('agency_id', agencyIds))
    .groupBy(['agency_id', month('received_on')])
    .execute()
  const responses = await db
    .selectFrom('concern_responses')
    .select(['agency_id', 'held_on', 'kind', 'concern', 'speakers'])
    .where('held_on', '>=', d0)
    .where('held_on', '<=', d1)
    .where(inAgencies('agency_id', agencyIds))
    .execute()
  const channels = await db
    .selectFrom('channel_counts')
    .selectAll()
    .where('period', '>=', `${year}`)
    .where('period', '<=', `${year}-12`)
    .where(inAgencies('agency_id', agencyIds))
    .execute()
  const accounts = await db
    .selectFrom('social_accounts')
    .select(['agency_id', 'platform', 'name'])
    .where(inAgencies('agency_id', agencyIds))
    .orderBy('id')
    .execute()
  const posts = await db
    .selectFrom('account_posts')
    .innerJoin('social_accounts', 'social_accounts.id', 'account_posts.account_id')
    .select(['social_accounts.agency_id', 'social_accounts.platform', 'account_posts.period', 'account_posts.posts'])
    .where('account_posts.period', '>=', `${year}`)
    .where('account_posts.period', '<=', `${year}-12`)
    .where(inAgencies('social_accounts.agency_id', agencyIds))
    .execute()
  const consultations = await db
    .selectFrom('consultations')
    .leftJoin('consultation_comments', 'consultation_comments.consultation_id', 'consultations.id')
    .select([
      'consultations.agency_id',
      'consultations.id',
      'consultations.closes_on',
      sql<number>`count(consultation_comments.id)`.as('comments'),
      cnt(sql`consultation_comments.adopted = 1`, 'adopted'),
    ])
    .where('consultations.closes_on', '>=', d0)
    .where('consultations.closes_on', '<=', d1)
    .where(inAgencies('consultations.agency_id', agencyIds))
    .groupBy(['consultations.agency_id', 'consultations.id', 'consultations.closes_on'])
    .execute()
  const surveys = await db
    .selectFrom('surveys')
    .leftJoin('survey_answers', 'survey_answers.survey_id', 'surveys.id')
    .select([
      'surveys.agency_id',
      'surveys.id',
      'surveys.opens_on',
      sql<number>`count(survey_answers.id)`.as('answers'),
    ])
    .where('surveys.opens_on', '>=', d0)
    .where('surveys.opens_on', '<=', d1)
    .where(inAgencies('surveys.agency_id', agencyIds))
    .groupBy(['surveys.agency_id', 'surveys.id', 'surveys.opens_on'])
    .execute()
  const num = (v: number | null) => (v === null ? null : Number(v))
  return {
    letters: await letterRows(db, year, agencyIds),
    complaints: complaints.map((r) => ({ agencyId: Number(r.agency_id), month: r.m, n: Number(r.n) })),
    responses: responses.map((r) => ({
      agencyId: Number(r.agency_id),
      month: r.held_on.slice(0, 7),
      kind: r.kind,
      concern: r.concern,
      speakers: JSON.parse(r.speakers) as Speaker[],
    })),
    channels: channels.map((c) => ({
      agencyId: Number(c.agency_id),
      month: c.period,
      channel: c.channel,
      received: Number(c.received),
      concluded: num(c.concluded),
      resolved: num(c.resolved),
      onTime: num(c.on_time),
    })),
    accounts: accounts.map((a) => ({ agencyId: Number(a.agency_id), platform: a.platform, name: a.name })),
    posts: posts.map((p) => ({
      agencyId: Number(p.agency_id),
      month: p.period,
      platform: p.platform,
      posts: Number(p.posts),
    })),
    consultations: consultations.map((c) => ({
      agencyId: Number(c.agency_id),
      month: c.closes_on.slice(0, 7),
      comments: Number(c.comments),
      adopted: Number(c.adopted),
    })),
    surveys: surveys.map((s) => ({
      agencyId: Number(s.agency_id),
      month: s.opens_on.slice(0, 7),
      answers: Number(s.answers),
    })),
  }
}
