import { can } from '../../domain/auth/permissions.js'
import { topicLabel } from '../../domain/notifications/messages.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { listMessages } from '../../store/outboxRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'

export interface StaffOutboxLine {
  id: number
  applicationId: number | null
  topicLabel: string
  channel: 'email' | 'sms'
  recipient: string
  state: string
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
}

export interface StaffOutbox {
  failed: StaffOutboxLine[]
  /** waiting or between retries */
  queued: StaffOutboxLine[]
  canRequeue: boolean
}

/** The messages to applicants of the actor's agencies that failed or wait to be sent (staff's 消息发送 page). */
export async function listOutboxForStaff({ store, actor }: { store: Store; actor: Actor }): Promise<StaffOutbox> {
  const p = authorize(actor, 'case.read')
  const agencies = (await listAgencies(store.db)).filter((a) => can(p, 'case.read', { agencyId: a.id }))
  const ids = agencies.map((a) => a.id)
  const line = (m: Awaited<ReturnType<typeof listMessages>>[number]): StaffOutboxLine => ({
    id: m.id,
    applicationId: m.applicationId,
    topicLabel: topicLabel(m.topic),
    channel: m.channel,
    recipient: m.recipient,
    state: m.state,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
    lastError: m.lastError,
    createdAt: m.createdAt,
  })
  const [failed, queued] = await Promise.all([
    listMessages(store.db, { agencyIds: ids, states: ['failed'], limit: 200 }),
    listMessages(store.db, { agencyIds: ids, states: ['pending', 'retrying'], limit: 200 }),
  ])
  return {
    failed: failed.map(line),
    queued: queued.map(line),
    canRequeue: agencies.some((a) => can(p, 'case.act', { agencyId: a.id })),
  }
}
