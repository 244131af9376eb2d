import type { Kysely } from 'kysely'
import type { Database } from '../store/schema.js'
import { GENESIS, recordHash } from '../store/auditRepo.js'

export { appendAudit, recordHash, sm3 } from '../store/auditRepo.js'

export interface AuditProblem {
  seq: number
  id: number | null
  problem: 'altered' | 'deleted' | 'reordered' | 'headMismatch'
  message: string
}

/**
 * Walks the chain: each record's hash must match its content, each prev_hash the record before, seq must
 * run 1, 2, 3 … without a gap, and the head must name the last record. Names every broken record.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
): Promise<{ ok: boolean; count: number; problems: AuditProblem[] }> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst()
  const problems: AuditProblem[] = []
  let expectedSeq = 1
  let prevHash = GENESIS
  for (const r of rows) {
    const seq = Number(r.seq)
    const id = Number(r.id)
    while (seq > expectedSeq) {
      problems.push({ seq: expectedSeq, id: null, problem: 'deleted', message: `第 ${expectedSeq} 条记录已被删除` })
      expectedSeq++
      prevHash = '(missing)'
    }
    const { id: _id, hash, ...rest } = r
    if (recordHash({ ...rest, seq }) !== hash) {
      problems.push({ seq, id, problem: 'altered', message: `第 ${seq} 条记录（id ${id}）内容被改动：哈希不符` })
    } else if (prevHash !== '(missing)' && r.prev_hash !== prevHash) {
      problems.push({ seq, id, problem: 'reordered', message: `第 ${seq} 条记录（id ${id}）与前一条记录的链接不符` })
    }
    prevHash = hash
    expectedSeq = seq + 1
  }
  const headSeq = head ? Number(head.seq) : 0
  for (let s = expectedSeq; s <= headSeq; s++) {
    problems.push({ seq: s, id: null, problem: 'deleted', message: `第 ${s} 条记录已被删除` })
  }
  if (head && rows.length > 0 && headSeq === expectedSeq - 1 && head.hash !== prevHash) {
    problems.push({
      seq: headSeq,
      id: null,
      problem: 'headMismatch',
      message: `链尾记录（第 ${headSeq} 条）与链头登记不符`,
    })
  }
  return { ok: problems.length === 0, count: rows.length, problems }
}

export async function listAudit(
  db: Kysely<Database>,
  opts: { targetType?: string; targetId?: string; limit?: number } = {},
) {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(opts.limit ?? 100)
  if (opts.targetType) q = q.where('target_type', '=', opts.targetType)
  if (opts.targetId) q = q.where('target_id', '=', opts.targetId)
  return q.execute()
}
