import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

// An account's second factor (decision 0031): the TOTP secret, the last time step used, recovery code hashes.

export async function setTotpSecret(db: Kysely<Database>, userId: number, secret: string | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute()
}

export async function enableTotp(db: Kysely<Database>, userId: number, at: string, step: number): Promise<void> {
  await db.updateTable('users').set({ totp_enabled_at: at, totp_last_step: step }).where('id', '=', userId).execute()
}

export async function setTotpLastStep(db: Kysely<Database>, userId: number, step: number): Promise<void> {
  await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute()
}

export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  userId: number,
  hashes: readonly string[],
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  if (hashes.length)
    await db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
      .execute()
}

/** Marks an unused recovery code used; false when there was none such. */
export async function useRecoveryCode(
  db: Kysely<Database>,
  userId: number,
  hash: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
