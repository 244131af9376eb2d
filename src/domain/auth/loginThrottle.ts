/**
 * Growing delays after failed logins, instead of a lockout a stranger can trigger (decision 0031). Counted per
 * attempted name (known or not, so both behave alike) and per address. Instants are passed in (ms since epoch).
 */
export interface ThrottleRule {
  /** failures allowed before any delay */
  free: number
  firstDelayMs: number
  /** the delay never grows beyond this: the owner of an account waits at most this long */
  maxDelayMs: number
}

/** Per attempted name: four free tries, then 1 s, 2 s, 4 s … at most one minute between tries. */
export const NAME_THROTTLE: ThrottleRule = { free: 4, firstDelayMs: 1000, maxDelayMs: 60_000 }

/** Per address: ten free failures (an office behind one NAT), then 1 s, 2 s … at most five minutes. */
export const ADDRESS_THROTTLE: ThrottleRule = { free: 10, firstDelayMs: 1000, maxDelayMs: 300_000 }

/** Failures older than this are forgotten. */
export const THROTTLE_FORGET_MS = 3_600_000

export interface ThrottleState {
  failures: number
  lastFailureAt: number
  blockedUntil: number
}

/** The delay after the n-th failure in a row. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.free) return 0
  return Math.min(rule.firstDelayMs * 2 ** Math.min(failures - rule.free - 1, 30), rule.maxDelayMs)
}

/** The state after one more failure at `now`. */
export function afterFailure(rule: ThrottleRule, state: ThrottleState | null, now: number): ThrottleState {
  const failures = (state && now - state.lastFailureAt < THROTTLE_FORGET_MS ? state.failures : 0) + 1
  return { failures, lastFailureAt: now, blockedUntil: now + delayAfter(rule, failures) }
}

/** How long until the next try is heard (0: now). */
export function waitMs(state: ThrottleState | null, now: number): number {
  return state ? Math.max(0, state.blockedUntil - now) : 0
}
