import { createHash } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { PostgresAdapter } from 'kysely'
import type { Store } from '../store/database.js'
import { nowIso } from '../store/database.js'
import type { AuditLogTable, Database } from '../store/schema.js'

/** Who did it and from where: every audited change carries this. */
export interface AuditActor {
  actor: string
  ip: string
}

export interface AuditEntry extends AuditActor {
  /** e.g. case.supplementRequested, user.create, session.login */
  action: string
  targetType:
    'application' | 'document' | 'report' | 'user' | 'agency' | 'department' | 'calendar' | 'template' | 'session'
  targetId: string | number
  detail?: Record<string, unknown>
}

export const GENESIS = '0'.repeat(64)

type AuditRow = Selectable<AuditLogTable>

/** The bytes a record's hash covers: every field but the hash itself, in a fixed order. */
function canonical(r: Omit<AuditRow, 'id' | 'hash'>): string {
  return JSON.stringify([r.seq, r.at, r.actor, r.ip, r.action, r.target_type, r.target_id, r.detail, r.prev_hash])
}

/** SM3 (GB/T 32905-2016) through Node's OpenSSL. */
export function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex')
}

export function recordHash(r: Omit<AuditRow, 'id' | 'hash'>): string {
  return sm3(canonical(r))
}

/**
 * Appends one record to the chain inside the caller's transaction (so the change and its record commit
 * together). The head row is locked on PostgreSQL so concurrent writers chain one after the other.
 */
export async function appendAudit(trx: Kysely<Database>, e: AuditEntry): Promise<number> {
  // SQLite runs one write transaction at a time; PostgreSQL needs the head row locked
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter
  const readHead = () => {
    const q = trx.selectFrom('audit_head').selectAll().where('id', '=', 1)
    return (pg ? q.forUpdate() : q).executeTakeFirst()
  }
  let head = await readHead()
  if (!head) {
    await trx
      .insertInto('audit_head')
      .values({ id: 1, seq: 0, hash: GENESIS })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    head = await readHead()
    if (!head) throw new Error('audit head row missing')
  }
  const record = {
    seq: Number(head.seq) + 1,
    at: nowIso(),
    actor: e.actor,
    ip: e.ip,
    action: e.action,
    target_type: e.targetType,
    target_id: String(e.targetId),
    detail: JSON.stringify(e.detail ?? {}),
    prev_hash: head.hash,
  }
  const hash = recordHash(record)
  await trx
    .insertInto('audit_log')
    .values({ ...record, hash })
    .execute()
  await trx.updateTable('audit_head').set({ seq: record.seq, hash }).where('id', '=', 1).execute()
  return record.seq
}

/** Appends in its own transaction (for events whose change was committed by another use case). */
export async function audit(store: Store, e: AuditEntry): Promise<number> {
  return store.db.transaction().execute((trx) => appendAudit(trx, e))
}

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
