import type { Kysely } from 'kysely'
import type { ApplicationClock } from '../../domain/application/clock.js'
import type { ApplicationEvent } from '../../domain/application/events.js'
import { messagesFor, topicOf } from '../../domain/notifications/messages.js'
import type { ApplicationRow } from '../../store/applicationRepo.js'
import { applicantDetails } from '../personalData/vault.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import { enqueueMessage } from '../../store/outboxRepo.js'
import type { Database } from '../../store/schema.js'
import { statusPageUrl } from './config.js'

/**
 * Queues what one step of a case tells the applicant (received, 补正, extension, consultation pause, answer,
 * fee notice), by e-mail and SMS to the addresses they gave, inside the step's own transaction: a step that
 * does not commit sends nothing, and one that commits is never left untold. Sent later by deliverOutbox.
 */
export async function queueCaseMessages(
  trx: Kysely<Database>,
  p: { row: ApplicationRow; event: ApplicationEvent; seq: number; clock: ApplicationClock },
): Promise<number> {
  const topic = topicOf(p.event)
  if (!topic) return 0
  const applicant = await applicantDetails(trx, p.row)
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  const reach = { email: text(applicant.email), phone: text(applicant.phone) }
  if (!reach.email && !reach.phone) return 0
  const agency = await findAgencyById(trx, Number(p.row.agency_id))
  const messages = messagesFor(topic, reach, {
    agencyName: agency?.name ?? '',
    queryCode: p.row.query_code,
    statusUrl: statusPageUrl(),
    dueBy: p.clock.deadline?.day ?? null,
    ...(p.event.kind === 'supplementRequested' ? { completeBy: p.event.completeBy } : {}),
  })
  let queued = 0
  for (const m of messages) {
    const dedupe = `${p.row.id}:${p.seq}:${m.channel}`
    const ok = await enqueueMessage(trx, {
      ...m,
      agencyId: Number(p.row.agency_id),
      applicationId: Number(p.row.id),
      dedupe,
      topic,
    })
    if (ok) queued++
  }
  return queued
}
