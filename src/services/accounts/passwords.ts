import { hash, verify } from '@node-rs/argon2'

// argon2id (Algorithm.Argon2id = 2; a const enum, so written as its value), OWASP's minimum parameters
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // an account without a password (or no account) still costs one hash: no timing hint either way
  if (!stored) {
    await hash(password, OPTIONS)
    return false
  }
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
