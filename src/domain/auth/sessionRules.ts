/** Session rules as data and pure functions; instants are passed in (ms since epoch). */
const SESSION_IDLE_MS = 30 * 60_000
const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000

export type SessionVerdict = 'valid' | 'idleExpired' | 'absoluteExpired'

export function sessionVerdict(s: { createdAt: number; lastSeenAt: number }, now: number): SessionVerdict {
  if (now - s.createdAt >= SESSION_ABSOLUTE_MS) return 'absoluteExpired'
  if (now - s.lastSeenAt >= SESSION_IDLE_MS) return 'idleExpired'
  return 'valid'
}
