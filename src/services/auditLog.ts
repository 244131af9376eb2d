import { appendFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { AuditAction } from '../domain/auditTrail/actions.js'
import { auditKey, keyedSm3, keyId } from '../store/auditKey.js'
import type { AuditEntry } from '../store/auditRepo.js'
import { appendAudit, GENESIS, recordHash, recordMac } from '../store/auditRepo.js'
import { dataDir } from '../store/dataDir.js'
import { nowIso } from '../store/database.js'
import type { Database } from '../store/schema.js'
import type { Actor } from './actor.js'
import { auditActor } from './actor.js'

export { appendAudit, recordHash, sm3 } from '../store/auditRepo.js'

// The audit chain's checks (decision 0034). SM3 links each record to the one before (what anyone can check);
// a keyed MAC per record, with a key outside the database, stops one holding the database from rebuilding the
// chain; signed anchors of the head, appended to a file outside the database and printed for safekeeping, stop
// truncation and wiping.

export interface AuditProblem {
  seq: number
  id: number | null
  problem: 'altered' | 'deleted' | 'reordered' | 'headMismatch' | 'forged' | 'anchor' | 'truncated'
  message: string
}

/** One signed checkpoint of the chain's head, a line of the anchor file. */
export interface AuditAnchor {
  /** its place in the anchor file, from 1 */
  n: number
  at: string
  seq: number
  hash: string
  keyId: string
  /** the signature of the anchor before it (GENESIS for the first) */
  prev: string
  sig: string
}

export interface AuditCheckOptions {
  /** the key (default: GONGKAI_AUDIT_KEY or the key file) */
  key?: Buffer
  /** the anchor file (default: GONGKAI_AUDIT_ANCHORS or audit-anchors.log in the data directory) */
  anchorsPath?: string
}

export interface AuditVerification {
  ok: boolean
  count: number
  problems: AuditProblem[]
  /** the latest anchor the chain was checked against; null while none was written */
  anchor: AuditAnchor | null
  /** records written before records were keyed, accepted only until the first anchor seals them */
  unkeyed: number
}

export function auditAnchorsFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.GONGKAI_AUDIT_ANCHORS?.trim() || join(dataDir(env), 'audit-anchors.log')
}

const anchorSchema = z.object({
  n: z.number().int(),
  at: z.string(),
  seq: z.number().int().min(0),
  hash: z.string(),
  keyId: z.string(),
  prev: z.string(),
  sig: z.string(),
})

/** One line of the anchor file, or null when it is no anchor. */
function anchorLine(line: string): AuditAnchor | null {
  try {
    const r = anchorSchema.safeParse(JSON.parse(line))
    return r.success ? r.data : null
  } catch {
    // not JSON: named as an unreadable line by the caller
    return null
  }
}

function anchorSig(key: Buffer, a: Omit<AuditAnchor, 'sig'>): string {
  return keyedSm3(key, `audit-anchor:${JSON.stringify([a.n, a.at, a.seq, a.hash, a.keyId, a.prev])}`)
}

/** Reads the anchor file: each line checked against the key and linked to the line before. */
function readAnchors(key: Buffer, path: string): { anchors: AuditAnchor[]; problems: AuditProblem[] } {
  let text = ''
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) throw err
  }
  const anchors: AuditAnchor[] = []
  const problems: AuditProblem[] = []
  let prev = GENESIS
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    const a = anchorLine(line)
    const at = `锚点文件第 ${i + 1} 行`
    if (!a) {
      problems.push({ seq: 0, id: null, problem: 'anchor', message: `${at}无法读取：锚点文件被改动` })
      continue
    }
    const { sig, ...signed } = a
    if (a.keyId !== keyId(key))
      problems.push({
        seq: a.seq,
        id: null,
        problem: 'anchor',
        message: `${at}由另一把密钥签名：密钥被更换或锚点被伪造`,
      })
    else if (anchorSig(key, signed) !== sig)
      problems.push({ seq: a.seq, id: null, problem: 'anchor', message: `${at}签名不符：锚点被改动` })
    else if (a.prev !== prev || a.n !== anchors.length + 1)
      problems.push({ seq: a.seq, id: null, problem: 'anchor', message: `${at}与前一个锚点不相连：锚点被删除或插入` })
    else anchors.push(a)
    prev = sig
  }
  return { anchors, problems }
}

/**
 * Walks the chain: each record's hash must match its content and its MAC the key, each prev_hash the record
 * before, seq must run 1, 2, 3 … without a gap, the head must name the last record, and every anchor must name
 * a record still there with the hash it had. Names every broken record.
 */
export async function verifyAuditLog(db: Kysely<Database>, opts: AuditCheckOptions = {}): Promise<AuditVerification> {
  const key = opts.key ?? auditKey()
  // anchors first: one written while the chain is read names only records already there
  const read = readAnchors(key, opts.anchorsPath ?? auditAnchorsFile())
  const problems: AuditProblem[] = [...read.problems]
  const anchor = read.anchors.at(-1) ?? null
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst()
  const hashAt = new Map<number, string>()
  let unkeyed = 0
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
    const { id: _id, hash, mac, ...rest } = r
    hashAt.set(seq, hash)
    if (recordHash({ ...rest, seq }) !== hash) {
      problems.push({ seq, id, problem: 'altered', message: `第 ${seq} 条记录（id ${id}）内容被改动：哈希不符` })
    } else if (mac === null && !anchor) {
      unkeyed++
    } else if (mac !== recordMac(key, hash)) {
      problems.push({
        seq,
        id,
        problem: 'forged',
        message: `第 ${seq} 条记录（id ${id}）的密钥签名${mac === null ? '缺失' : '不符'}：记录被伪造、改写或重新编号`,
      })
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
  for (const a of read.anchors) {
    if (a.seq === 0) continue
    const found = hashAt.get(a.seq)
    if (found === undefined)
      problems.push({
        seq: a.seq,
        id: null,
        problem: 'truncated',
        message: `第 ${a.n} 个锚点（${a.at}）记载到第 ${a.seq} 条记录，库中没有该条：记录被截断或清空（现有 ${rows.length} 条）`,
      })
    else if (found !== a.hash)
      problems.push({
        seq: a.seq,
        id: null,
        problem: 'truncated',
        message: `第 ${a.seq} 条记录与第 ${a.n} 个锚点记载的哈希不符：此前的记录被改写或重建`,
      })
  }
  return { ok: problems.length === 0, count: rows.length, problems, anchor, unkeyed }
}

export class AuditChainBroken extends Error {
  readonly code = 'AUDIT_CHAIN_BROKEN'
  constructor(readonly problems: AuditProblem[]) {
    super(`审计日志校验未通过（${problems.length} 处问题），不写入锚点`)
  }
}

/**
 * Writes a signed checkpoint of the chain's head to the anchor file (opened for appending only) and returns it.
 * Refuses while the chain or the anchor file fails verification: an anchor must never bless a rewritten chain.
 * The first anchor seals the records written before records were keyed. With `ifMoved`, writes nothing when the
 * head is where the latest anchor left it (the periodic checkpoint).
 */
export async function writeAuditAnchor(
  db: Kysely<Database>,
  opts: AuditCheckOptions & { ifMoved?: boolean } = {},
): Promise<AuditAnchor | null> {
  const key = opts.key ?? auditKey()
  const path = opts.anchorsPath ?? auditAnchorsFile()
  const check = await verifyAuditLog(db, { key, anchorsPath: path })
  if (!check.ok) throw new AuditChainBroken(check.problems)
  if (!check.anchor && check.unkeyed > 0) {
    for (const r of await db.selectFrom('audit_log').select(['id', 'hash']).where('mac', 'is', null).execute())
      await db
        .updateTable('audit_log')
        .set({ mac: recordMac(key, r.hash) })
        .where('id', '=', r.id)
        .execute()
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst()
  const seq = head ? Number(head.seq) : 0
  const hash = head?.hash ?? GENESIS
  const last = check.anchor
  if (opts.ifMoved && last && last.seq === seq && last.hash === hash) return null
  const unsigned = { n: (last?.n ?? 0) + 1, at: nowIso(), seq, hash, keyId: keyId(key), prev: last?.sig ?? GENESIS }
  const anchor: AuditAnchor = { ...unsigned, sig: anchorSig(key, unsigned) }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  appendFileSync(path, `${JSON.stringify(anchor)}\n`, { flag: 'a', mode: 0o600 })
  return anchor
}

/** Records a read, export or refusal (who looked at what): its own transaction, as it changes nothing else. */
export async function auditAccess(
  db: Kysely<Database>,
  actor: Actor,
  action: AuditAction,
  target: { type: AuditEntry['targetType']; id: string | number; detail?: Record<string, unknown> },
): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...auditActor(actor),
      action,
      targetType: target.type,
      targetId: target.id,
      detail: target.detail,
    }),
  )
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
