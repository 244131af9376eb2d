import { auditActionLabel } from '../../domain/auditTrail/actions.js'
import { auditLogCsv, auditLogXlsx } from '../../export/auditLogFile.js'
import { listAuditPage } from '../../store/auditRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { auditAccess } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import type { AuditFilter } from './auditLogForAdmin.js'
import { auditQueryOf } from './auditLogForAdmin.js'

/** The most records one export holds (a larger selection is refused: narrow the days). */
const EXPORT_MAX = 100_000

export interface ExportAuditLogProps {
  store: Store
  actor: Actor
  /** the audit page's filter in force (its page number is ignored: every page is exported) */
  filter: AuditFilter
  format: 'csv' | 'xlsx'
}

/** The audit records the filter selects, oldest first, as CSV or XLSX, for the audit administrator; the export is audited. */
export async function exportAuditLog({ store, actor, filter, format }: ExportAuditLogProps): Promise<Buffer> {
  authorize(actor, 'audit.read')
  const { query, errors } = auditQueryOf(filter)
  if (errors.length) throw new ValidationError(errors)
  const { rows, total } = await listAuditPage(store.db, { ...query, offset: 0, limit: EXPORT_MAX })
  if (total > EXPORT_MAX)
    throw new ValidationError([
      { field: 'from', message: `所选记录 ${total} 条，超过一次导出上限 ${EXPORT_MAX} 条，请缩小日期范围` },
    ])
  await auditAccess(store.db, actor, 'audit.export', {
    type: 'audit',
    id: 'log',
    detail: { ...query, format, records: total },
  })
  const lines = rows.toReversed().map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    ip: r.ip,
    action: `${auditActionLabel(r.action)}（${r.action}）`,
    target: `${r.target_type}:${r.target_id}`,
    detail: r.detail,
    hash: r.hash,
  }))
  return format === 'csv' ? auditLogCsv(lines) : auditLogXlsx('审计日志', lines)
}
