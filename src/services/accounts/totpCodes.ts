import { createHash, randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

// RFC 6238 with the parameters every authenticator app reads from a QR code: SHA-1, 6 digits, 30 seconds.
const PERIOD_S = 30

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'gongkai', label, secret: Secret.fromBase32(secret), digits: 6, period: PERIOD_S })
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The otpauth:// address the enrolment QR code carries. */
export function totpUri(secret: string, username: string): string {
  return totpOf(secret, username).toString()
}

/**
 * The time step of `code` when it is valid at `now` (a step of clock drift either way) and later than
 * `lastStep` (a code is accepted once); null otherwise.
 */
export function acceptedStep(secret: string, code: string, now: number, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totpOf(secret, '').validate({ token, timestamp: now, window: 1 })
  if (delta === null) return null
  const step = Math.floor(now / 1000 / PERIOD_S) + delta
  return lastStep !== null && step <= lastStep ? null : step
}

/** Ten one-time recovery codes, `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const s = randomBytes(8).toString('hex').slice(0, 10)
    return `${s.slice(0, 5)}-${s.slice(5)}`
  })
}

export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex')
}

/** Does the text look like a recovery code rather than a TOTP code? */
export function isRecoveryCode(code: string): boolean {
  return /^[0-9a-f]{5}-[0-9a-f]{5}$/i.test(code.trim())
}
