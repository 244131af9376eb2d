/** Session and lockout rules as data and pure functions; instants are passed in (ms since epoch). */
const SESSION_IDLE_MS = 30 * 60_000
const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000
export const LOCKOUT_AFTER_FAILURES = 5
const LOCKOUT_MS = 15 * 60_000

export type SessionVerdict = 'valid' | 'idleExpired' | 'absoluteExpired'

export function sessionVerdict(s: { createdAt: number; lastSeenAt: number }, now: number): SessionVerdict {
  if (now - s.createdAt >= SESSION_ABSOLUTE_MS) return 'absoluteExpired'
  if (now - s.lastSeenAt >= SESSION_IDLE_MS) return 'idleExpired'
  return 'valid'
}

/** After a failed login: the new count, and until when the account is locked (null: not locked). */
export function afterFailure(failures: number, now: number): { failures: number; lockedUntil: number | null } {
  const n = failures + 1
  return n >= LOCKOUT_AFTER_FAILURES
    ? { failures: 0, lockedUntil: now + LOCKOUT_MS }
    : { failures: n, lockedUntil: null }
}

export function isLocked(lockedUntil: number | null, now: number): boolean {
  return lockedUntil !== null && now < lockedUntil
}
