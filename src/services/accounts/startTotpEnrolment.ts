import type { Store } from '../../store/database.js'
import { setTotpSecret } from '../../store/totpRepo.js'
import { findUserById } from '../../store/userRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError } from '../errors.js'
import { newTotpSecret, totpUri } from './totpCodes.js'

export type TotpEnrolment = { enrolled: true } | { enrolled: false; secret: string; uri: string; username: string }

/**
 * The secret one's authenticator app is to hold (decision 0031). Made once and kept until confirmed, so that
 * reloading the page shows the same QR code; nothing is granted before `confirmTotpEnrolment`.
 */
export async function startTotpEnrolment({ store, actor }: { store: Store; actor: Actor }): Promise<TotpEnrolment> {
  const { userId } = authorize(actor, 'console.view')
  const user = await findUserById(store.db, userId)
  if (!user) throw new NotFoundError('该账号')
  if (user.totp_enabled_at !== null) return { enrolled: true }
  let secret = user.totp_secret
  if (!secret) {
    secret = newTotpSecret()
    await setTotpSecret(store.db, userId, secret)
  }
  return { enrolled: false, secret, uri: totpUri(secret, user.username), username: user.username }
}
