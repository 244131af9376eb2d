import { nextAttemptAfter } from '../../domain/notifications/retry.js'
import type { Store } from '../../store/database.js'
import { claimMessage, dueMessages, markAttemptFailed, markSent } from '../../store/outboxRepo.js'
import type { Transports } from './transports.js'

export interface DeliverOutboxProps {
  store: Store
  transports: Transports
  /** the present instant (tests pass one to step through the backoff) */
  now: Date
  limit?: number
}

export interface DeliveryReport {
  sent: number
  /** failed this time, to be tried again later */
  retrying: number
  /** failed for the last time: staff see them on /console/outbox */
  failed: number
  /** due, but no transport is configured for their channel */
  waiting: number
}

// a message taken by one sender is skipped by others for this long (a send times out well within it)
const LEASE_MS = 2 * 60_000

/**
 * Sends every due message once (the job of `gongkai outbox send` and of the server's timer). A failure is
 * retried with backoff (domain/notifications/retry.ts) and, after the last attempt, left failed for staff.
 */
export async function deliverOutbox(p: DeliverOutboxProps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, waiting: 0 }
  const due = await dueMessages(p.store.db, p.now.toISOString(), p.limit ?? 100)
  for (const m of due) {
    const transport = p.transports[m.channel]
    if (!transport) {
      report.waiting++
      continue
    }
    if (!(await claimMessage(p.store.db, m, new Date(p.now.getTime() + LEASE_MS).toISOString()))) continue
    try {
      await transport({ recipient: m.recipient, subject: m.subject, body: m.body })
      await markSent(p.store.db, m.id, new Date().toISOString())
      report.sent++
    } catch (err) {
      const next = nextAttemptAfter(m.attempts + 1, p.now)
      const reason = err instanceof Error ? err.message : String(err)
      await markAttemptFailed(p.store.db, m.id, reason, next ? next.toISOString() : null)
      if (next) report.retrying++
      else report.failed++
    }
  }
  return report
}
