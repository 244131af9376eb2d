import type { Kysely } from 'kysely'
import { nowIso } from './database.js'
import type { Database } from './schema.js'
import { Opener, applicationDataKey, sealText } from './personalData/sealedStore.js'

/** A message to an applicant, queued in the transaction of the step it tells about. */
export interface NewOutboxMessage {
  agencyId: number
  applicationId: number | null
  /** one message per `dedupe`: a step recorded again never sends twice */
  dedupe: string
  topic: string
  channel: 'email' | 'sms'
  recipient: string
  subject: string
  body: string
}

export interface OutboxMessage extends NewOutboxMessage {
  id: number
  state: string
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

type Row = Database['outbox_messages']

function toMessage(r: {
  [K in keyof Row]: K extends 'id' | 'attempts' ? number : Row[K]
}): OutboxMessage {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    applicationId: r.application_id === null ? null : Number(r.application_id),
    dedupe: r.dedupe,
    topic: r.topic,
    channel: r.channel === 'sms' ? 'sms' : 'email',
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    state: r.state,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

/**
 * Queues a message unless one with its `dedupe` exists; true when queued. The recipient of a case's message (the
 * applicant's e-mail or phone) is sealed with the case's data key (decision 0045).
 */
export async function enqueueMessage(db: Kysely<Database>, m: NewOutboxMessage): Promise<boolean> {
  const now = nowIso()
  const recipient =
    m.applicationId === null ? m.recipient : sealText(await applicationDataKey(db, m.applicationId), m.recipient)
  const r = await db
    .insertInto('outbox_messages')
    .values({
      agency_id: m.agencyId,
      application_id: m.applicationId,
      dedupe: m.dedupe,
      topic: m.topic,
      channel: m.channel,
      recipient,
      subject: m.subject,
      body: m.body,
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe').doNothing())
    .returning('id')
    .executeTakeFirst()
  return r !== undefined
}

/** Messages with their recipients opened (the sealed ones with their case's data key). */
async function openMessages(db: Kysely<Database>, messages: OutboxMessage[]): Promise<OutboxMessage[]> {
  const opener = new Opener(db)
  await opener.prefetch(messages.map((m) => m.recipient))
  return Promise.all(messages.map(async (m) => ({ ...m, recipient: await opener.text(m.recipient, '（已匿名化）') })))
}

/** Messages whose next attempt is due at `now`, oldest first. */
export async function dueMessages(db: Kysely<Database>, now: string, limit: number): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('state', 'in', ['pending', 'retrying'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return openMessages(db, rows.map(toMessage))
}

/**
 * Takes a due message for one attempt: moves its next attempt past `lease` so a second sender running at the same
 * time skips it; false when another sender took it first.
 */
export async function claimMessage(db: Kysely<Database>, m: OutboxMessage, lease: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox_messages')
    .set({ next_attempt_at: lease })
    .where('id', '=', m.id)
    .where('next_attempt_at', '=', m.nextAttemptAt)
    .where('state', 'in', ['pending', 'retrying'])
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function markSent(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({ state: 'sent', sent_at: at, last_error: null, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

/** A failed attempt: retried at `next`, or given up (`next` null: state failed). */
export async function markAttemptFailed(
  db: Kysely<Database>,
  id: number,
  error: string,
  next: string | null,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({
      state: next ? 'retrying' : 'failed',
      last_error: error.slice(0, 500),
      attempts: eb('attempts', '+', 1),
      ...(next ? { next_attempt_at: next } : {}),
    }))
    .where('id', '=', id)
    .execute()
}

/** Staff's list: the agencies' messages in the given states, newest first. */
export async function listMessages(
  db: Kysely<Database>,
  filter: { agencyIds: number[] | 'all'; states: string[]; applicationId?: number; limit: number },
): Promise<OutboxMessage[]> {
  if (filter.agencyIds !== 'all' && filter.agencyIds.length === 0) return []
  let q = db.selectFrom('outbox_messages').selectAll().where('state', 'in', filter.states)
  if (filter.agencyIds !== 'all') q = q.where('agency_id', 'in', filter.agencyIds)
  if (filter.applicationId !== undefined) q = q.where('application_id', '=', filter.applicationId)
  const rows = await q.orderBy('id', 'desc').limit(filter.limit).execute()
  return openMessages(db, rows.map(toMessage))
}

/** Puts a given-up message back in the queue (staff: 重新发送). */
export async function requeueMessage(
  db: Kysely<Database>,
  id: number,
  agencyIds: number[] | 'all',
): Promise<{ applicationId: number | null } | undefined> {
  let q = db
    .updateTable('outbox_messages')
    .set({ state: 'pending', next_attempt_at: nowIso() })
    .where('id', '=', id)
    .where('state', '=', 'failed')
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds.length ? agencyIds : [-1])
  const r = await q.returning('application_id').executeTakeFirst()
  return r ? { applicationId: r.application_id === null ? null : Number(r.application_id) } : undefined
}
