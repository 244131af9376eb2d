import { createHash } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { PostgresAdapter } from 'kysely'
import type { AuditAction } from '../domain/auditTrail/actions.js'
import { auditKey, keyedSm3 } from './auditKey.js'
import { nowIso } from './database.js'
import type { AuditLogTable, Database } from './schema.js'

// The append-only audit chain's writing side, in the store layer so that every repository that changes a
// case, document, figure or account can add its record inside its own transaction.

/** Who did it and from where: every audited change carries this. */
export interface AuditActor {
  actor: string
  ip: string
}

export interface AuditEntry extends AuditActor {
  /** one of the listed actions (domain/audit/actions.ts) */
  action: AuditAction
  targetType:
    | 'application'
    | 'document'
    | 'report'
    | 'user'
    | 'agency'
    | 'department'
    | 'calendar'
    | 'template'
    | 'session'
    // issue 16
    | 'letter'
    | 'consultation'
    | 'survey'
    | 'interaction'
    // issue 18
    | 'serviceItem'
    | 'inspectionDraw'
    | 'inspectionPool'
    | 'archive'
    | 'siteInspection'
    // issue 19
    | 'bulletin'
    // issue 14
    | 'searchDictionary'
    // issue 15: the audit log itself, and refused requests (target: the path)
    | 'audit'
    | 'request'
    // issue 17 point 4: a run of the retention job (its batches)
    | 'retention'
    // issue 17 point 1: the master key of personal data (sealing, rotation)
    | 'masterKey'
  targetId: string | number
  detail?: Record<string, unknown>
}

export const GENESIS = '0'.repeat(64)

type AuditRow = Selectable<AuditLogTable>

type Hashed = Omit<AuditRow, 'id' | 'hash' | 'mac'>

/** The bytes a record's hash covers: every field but the hash and MAC, in a fixed order. */
function canonical(r: Hashed): string {
  return JSON.stringify([r.seq, r.at, r.actor, r.ip, r.action, r.target_type, r.target_id, r.detail, r.prev_hash])
}

/** SM3 (GB/T 32905-2016) through Node's OpenSSL. */
export function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex')
}

export function recordHash(r: Hashed): string {
  return sm3(canonical(r))
}

/** The record's keyed MAC (HMAC-SM3 of its hash under the key kept outside the database; decision 0034). */
export function recordMac(key: Buffer, hash: string): string {
  return keyedSm3(key, `audit-record:${hash}`)
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
    .values({ ...record, hash, mac: recordMac(auditKey(), hash) })
    .execute()
  await trx.updateTable('audit_head').set({ seq: record.seq, hash }).where('id', '=', 1).execute()
  return record.seq
}

/** Which records the audit page lists: by actor, action and instants [fromAt, toAt), and which page. */
export interface AuditQuery {
  actor?: string
  action?: string
  /** ISO instants, UTC (the service turns Beijing days into them) */
  fromAt?: string
  toAt?: string
  offset: number
  limit: number
}

/** One page of the chain, newest first, and how many records match in all. */
export async function listAuditPage(db: Kysely<Database>, q: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
  let base = db.selectFrom('audit_log')
  if (q.actor) base = base.where('actor', '=', q.actor)
  if (q.action) base = base.where('action', '=', q.action)
  if (q.fromAt) base = base.where('at', '>=', q.fromAt)
  if (q.toAt) base = base.where('at', '<', q.toAt)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base.selectAll().orderBy('seq', 'desc').limit(q.limit).offset(q.offset).execute()
  return { rows, total: Number(total.n) }
}

/** The names that appear as actors in the chain (the audit page's choices), in order. */
export async function auditActors(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('actor').distinct().orderBy('actor').limit(500).execute()
  return rows.map((r) => r.actor)
}
