import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import type { AuditProblem } from '../auditLog.js'
import { listAudit, verifyAuditLog } from '../auditLog.js'

export interface AuditLogForAdmin {
  rows: { seq: number; at: string; actor: string; ip: string; action: string; targetType: string; targetId: string }[]
  verify: { ok: boolean; count: number; problems: AuditProblem[] }
}

/** The latest records of the audit chain, and whether the whole chain verifies. */
export async function auditLogForAdmin({ store, actor }: { store: Store; actor: Actor }): Promise<AuditLogForAdmin> {
  authorize(actor, 'audit.read')
  const rows = await listAudit(store.db, { limit: 200 })
  return {
    rows: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      ip: r.ip,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
    })),
    verify: await verifyAuditLog(store.db),
  }
}
