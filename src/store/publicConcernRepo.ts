import type { Insertable, Kysely } from 'kysely'
import type { ConcernResponseTable } from './interactionSchema.js'
import type { Database } from './schema.js'

// Responses to public concern (回应关切), other channels' monthly counts and the 政务新媒体 accounts.

export async function insertConcernResponse(db: Kysely<Database>, row: Insertable<ConcernResponseTable>) {
  const r = await db.insertInto('concern_responses').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function listConcernResponses(db: Kysely<Database>, agencyIds: readonly number[] | null, limit = 200) {
  let q = db
    .selectFrom('concern_responses')
    .innerJoin('agencies', 'agencies.id', 'concern_responses.agency_id')
    .selectAll('concern_responses')
    .select('agencies.name as agency')
  if (agencyIds !== null) q = q.where('concern_responses.agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
  return q.orderBy('concern_responses.held_on', 'desc').orderBy('concern_responses.id', 'desc').limit(limit).execute()
}

export interface ChannelCountRow {
  agencyId: number
  channel: string
  period: string
  received: number
  concluded: number | null
  resolved: number | null
  onTime: number | null
  source: string
  enteredBy: string
  enteredAt: string
}

/** A month's counts of a channel: a later entry replaces the earlier (its values go to the audit entry). */
export async function upsertChannelCount(db: Kysely<Database>, c: ChannelCountRow) {
  const values = {
    received: c.received,
    concluded: c.concluded,
    resolved: c.resolved,
    on_time: c.onTime,
    source: c.source,
    entered_by: c.enteredBy,
    entered_at: c.enteredAt,
  }
  await db
    .insertInto('channel_counts')
    .values({ agency_id: c.agencyId, channel: c.channel, period: c.period, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'channel', 'period']).doUpdateSet(values))
    .execute()
}

export async function findChannelCount(db: Kysely<Database>, agencyId: number, channel: string, period: string) {
  return db
    .selectFrom('channel_counts')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('channel', '=', channel)
    .where('period', '=', period)
    .executeTakeFirst()
}

export async function listChannelCounts(db: Kysely<Database>, agencyIds: readonly number[] | null, year: number) {
  let q = db
    .selectFrom('channel_counts')
    .selectAll()
    .where('period', '>=', `${year}`)
    .where('period', '<=', `${year}-12`)
  if (agencyIds !== null) q = q.where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
  return q.orderBy('agency_id').orderBy('channel').orderBy('period').execute()
}

export async function insertSocialAccount(
  db: Kysely<Database>,
  a: { agencyId: number; platform: string; name: string; url: string; at: string },
) {
  const r = await db
    .insertInto('social_accounts')
    .values({ agency_id: a.agencyId, platform: a.platform, name: a.name, url: a.url, created_at: a.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function findSocialAccount(db: Kysely<Database>, id: number) {
  if (!Number.isSafeInteger(id)) return undefined
  return db.selectFrom('social_accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listSocialAccounts(db: Kysely<Database>, agencyIds: readonly number[] | null) {
  let q = db.selectFrom('social_accounts').selectAll()
  if (agencyIds !== null) q = q.where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
  return q.orderBy('agency_id').orderBy('id').execute()
}

export async function upsertAccountPosts(
  db: Kysely<Database>,
  p: { accountId: number; period: string; posts: number; source: string; enteredBy: string; enteredAt: string },
) {
  const values = { posts: p.posts, source: p.source, entered_by: p.enteredBy, entered_at: p.enteredAt }
  await db
    .insertInto('account_posts')
    .values({ account_id: p.accountId, period: p.period, ...values })
    .onConflict((oc) => oc.columns(['account_id', 'period']).doUpdateSet(values))
    .execute()
}
