import type { Kysely } from 'kysely'
import { Opener } from './personalData/sealedStore.js'
import type { Database } from './schema.js'

export interface CaseMessage {
  id: number
  topic: string
  channel: string
  recipient: string
  subject: string
  body: string
  state: string
  createdAt: string
  sentAt: string | null
}

/** Every message sent (or to be sent) to the applicant of one case, oldest first, recipients opened. */
export async function messagesOfCase(db: Kysely<Database>, applicationId: number): Promise<CaseMessage[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['id', 'topic', 'channel', 'recipient', 'subject', 'body', 'state', 'created_at', 'sent_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute()
  const opener = new Opener(db)
  await opener.prefetch(rows.map((m) => m.recipient))
  const recipients = await Promise.all(rows.map((m) => opener.text(m.recipient, '（已匿名化）')))
  return rows.map((m, i) => ({
    id: Number(m.id),
    topic: m.topic,
    channel: m.channel,
    recipient: recipients[i] ?? '',
    subject: m.subject,
    body: m.body,
    state: m.state,
    createdAt: m.created_at,
    sentAt: m.sent_at,
  }))
}
