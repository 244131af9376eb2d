/**
 * How a failed message is retried (docs/notifications.md): after 1, 5, 30 minutes, 2 and 12 hours; after the sixth
 * failed attempt it is given up and shown to staff as failed. A mail server down for a night still gets the
 * message out the next morning; one that refuses it for a day is a problem a person must look at.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const

export type OutboxState = 'pending' | 'retrying' | 'sent' | 'failed'

/** After `attempts` failed attempts: try again at `at + delay`, or give up (null). */
export function nextAttemptAfter(attempts: number, at: Date): Date | null {
  const minutes = RETRY_DELAYS_MINUTES[attempts - 1]
  return minutes === undefined ? null : new Date(at.getTime() + minutes * 60_000)
}
