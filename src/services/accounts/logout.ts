import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { destroySession } from './sessions.js'

export interface LogoutProps {
  store: Store
  actor: Actor
  /** the cookie token of the session to end (null: none was sent) */
  token: string | null
}

/** Ends one's session; the session's end and its audit record commit together. */
export async function logout({ store, actor, token }: LogoutProps): Promise<void> {
  const p = authorize(actor, 'console.view')
  await store.db.transaction().execute(async (trx) => {
    if (token) await destroySession(trx, token)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'session.logout',
      targetType: 'session',
      targetId: p.userId,
    })
  })
}
