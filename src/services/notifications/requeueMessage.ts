import { can } from '../../domain/auth/permissions.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { requeueMessage as requeue } from '../../store/outboxRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError } from '../errors.js'

/** Staff put a message that failed for the last time back in the queue (after fixing the address or the server). */
export async function requeueOutboxMessage({ store, actor, id }: { store: Store; actor: Actor; id: number }) {
  const p = authorize(actor, 'case.act')
  const ids = (await listAgencies(store.db)).filter((a) => can(p, 'case.act', { agencyId: a.id })).map((a) => a.id)
  await store.db.transaction().execute(async (trx) => {
    const m = await requeue(trx, id, ids)
    if (!m) throw new NotFoundError('该失败消息')
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'outbox.requeue',
      targetType: 'application',
      targetId: m.applicationId ?? '',
      detail: { message: id },
    })
  })
}
