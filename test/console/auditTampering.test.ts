import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { keyedSm3 } from '../../src/store/auditKey.js'
import type { AuditAnchor, AuditProblem } from '../../src/services/auditLog.js'
import { appendAudit, recordHash, verifyAuditLog, writeAuditAnchor } from '../../src/services/auditLog.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 15 point 8: the fourteen ways one holding the database (but not the key kept outside it) can try to
// rewrite the audit chain, each detected once an anchor exists (decision 0034).

const KEY = 'a3f1c2e4b5d6978812ab34cd56ef7890a3f1c2e4b5d6978812ab34cd56ef7890'
const dir = mkdtempSync(join(tmpdir(), 'gongkai-tamper-'))
let anchorsPath = ''
let run = 0

beforeAll(() => {
  process.env.GONGKAI_AUDIT_KEY = KEY
})

const check = (store: Store) => verifyAuditLog(store.db, { anchorsPath })

/** A fresh chain of 8 records, anchored, then 2 more after the anchor; verification passes. */
async function fresh(store: Store): Promise<void> {
  await store.db.deleteFrom('audit_log').execute()
  await store.db.deleteFrom('audit_head').execute()
  anchorsPath = join(dir, `anchors-${run++}.log`)
  const add = (i: number) =>
    store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: `user${i}`,
        ip: '192.0.2.1',
        action: 'case.assigned',
        targetType: 'application',
        targetId: i,
        detail: { departmentId: i },
      }),
    )
  for (let i = 1; i <= 8; i++) await add(i)
  await writeAuditAnchor(store.db, { anchorsPath })
  for (let i = 9; i <= 10; i++) await add(i)
  const r = await check(store)
  expect(r).toMatchObject({ ok: true, count: 10, problems: [], anchor: { seq: 8 } })
}

const rowsOf = (store: Store) => store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()

/** What a forger can do without the key: recompute every SM3 hash from `from` on, and the head. MACs stay. */
async function rebuildChain(store: Store, from = 1): Promise<void> {
  let prev = '0'.repeat(64)
  for (const r of await rowsOf(store)) {
    const seq = Number(r.seq)
    if (seq >= from) {
      const { id: _id, hash: _h, mac: _m, ...rest } = r
      const hash = recordHash({ ...rest, seq, prev_hash: prev })
      await store.db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', r.id).execute()
      prev = hash
    } else prev = r.hash
  }
  const last = (await rowsOf(store)).at(-1)
  await store.db
    .updateTable('audit_head')
    .set({ seq: last ? Number(last.seq) : 0, hash: last?.hash ?? '0'.repeat(64) })
    .where('id', '=', 1)
    .execute()
}

/** Renumbers the rows to 1, 2, 3 … in their order, closing a gap. */
async function renumber(store: Store): Promise<void> {
  const rows = await rowsOf(store)
  // move out of the way first: seq is unique
  for (const r of rows)
    await store.db
      .updateTable('audit_log')
      .set({ seq: Number(r.seq) + 1000 })
      .where('id', '=', r.id)
      .execute()
  for (const [i, r] of rows.entries())
    await store.db
      .updateTable('audit_log')
      .set({ seq: i + 1 })
      .where('id', '=', r.id)
      .execute()
}

const kinds = (problems: AuditProblem[]) => [...new Set(problems.map((p) => p.problem))].sort()

describeEachEngine('audit chain: fourteen ways to rewrite it, each detected after an anchor', (getStore) => {
  it('1. editing a field of a record (its hash left as it was)', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('seq', '=', 4).execute()
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([expect.objectContaining({ seq: 4, problem: 'altered' })])
  })

  it('2. editing a field and its SM3 hash (recomputed, as anyone can)', async () => {
    const store = getStore()
    await fresh(store)
    const [row] = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 4).execute()
    if (!row) throw new Error('no row 4')
    const { id: _id, hash: _h, mac: _m, ...rest } = row
    const forged = { ...rest, seq: 4, detail: '{"departmentId":999}' }
    await store.db
      .updateTable('audit_log')
      .set({ detail: forged.detail, hash: recordHash(forged) })
      .where('seq', '=', 4)
      .execute()
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems[0]).toMatchObject({ seq: 4, problem: 'forged' })
  })

  it('3. deleting a record in the middle', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.deleteFrom('audit_log').where('seq', '=', 4).execute()
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems[0]).toMatchObject({ seq: 4, problem: 'deleted' })
  })

  it('4. deleting a record and renumbering the rest, the chain rebuilt', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.deleteFrom('audit_log').where('seq', '=', 4).execute()
    await renumber(store)
    await rebuildChain(store, 4)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems[0]).toMatchObject({ seq: 4, problem: 'forged' })
    expect(kinds(r.problems)).toContain('truncated')
  })

  it('5. inserting a record and renumbering the rest, the chain rebuilt', async () => {
    const store = getStore()
    await fresh(store)
    const rows = await rowsOf(store)
    for (const r of rows.toReversed())
      if (Number(r.seq) >= 4)
        await store.db
          .updateTable('audit_log')
          .set({ seq: Number(r.seq) + 1 })
          .where('id', '=', r.id)
          .execute()
    await store.db
      .insertInto('audit_log')
      .values({
        seq: 4,
        at: rows[3]?.at ?? '',
        actor: 'ghost',
        ip: '',
        action: 'user.create',
        target_type: 'user',
        target_id: '9',
        detail: '{}',
        prev_hash: '',
        hash: '',
        mac: 'f'.repeat(64),
      })
      .execute()
    await rebuildChain(store, 4)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems[0]).toMatchObject({ seq: 4, problem: 'forged' })
  })

  it('6. appending a forged record with a correct SM3 link, the head moved to it', async () => {
    const store = getStore()
    await fresh(store)
    const head = await store.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()
    const rec = {
      seq: 11,
      at: new Date().toISOString(),
      actor: 'admin',
      ip: '127.0.0.1',
      action: 'user.create',
      target_type: 'user',
      target_id: '7',
      detail: '{}',
      prev_hash: head.hash,
    }
    const hash = recordHash(rec)
    await store.db
      .insertInto('audit_log')
      .values({ ...rec, hash, mac: null })
      .execute()
    await store.db.updateTable('audit_head').set({ seq: 11, hash }).execute()
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([expect.objectContaining({ seq: 11, problem: 'forged' })])
  })

  it('7. truncating the tail', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.deleteFrom('audit_log').where('seq', '>', 5).execute()
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(kinds(r.problems)).toEqual(['deleted', 'truncated'])
  })

  it('8. truncating the tail and moving audit_head back to the new last record', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.deleteFrom('audit_log').where('seq', '>', 5).execute()
    await rebuildChain(store, 99)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([expect.objectContaining({ seq: 8, problem: 'truncated' })])
  })

  it('9. editing a record in the middle and rebuilding the chain after it', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.updateTable('audit_log').set({ detail: '{"departmentId":42}' }).where('seq', '=', 3).execute()
    await rebuildChain(store, 3)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems.map((p) => p.seq).slice(0, 8)).toEqual([3, 4, 5, 6, 7, 8, 9, 10])
    expect(kinds(r.problems)).toEqual(['forged', 'truncated'])
  })

  it('10. swapping two records', async () => {
    const store = getStore()
    await fresh(store)
    const rows = await rowsOf(store)
    const [a, b] = [rows[2], rows[4]]
    if (!a || !b) throw new Error('rows missing')
    await store.db.updateTable('audit_log').set({ seq: 1003 }).where('id', '=', a.id).execute()
    await store.db.updateTable('audit_log').set({ seq: 3 }).where('id', '=', b.id).execute()
    await store.db.updateTable('audit_log').set({ seq: 5 }).where('id', '=', a.id).execute()
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([3, 5]))
  })

  it('11. wiping everything (records and head)', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.deleteFrom('audit_log').execute()
    await store.db.deleteFrom('audit_head').execute()
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.count).toBe(0)
    expect(r.problems).toEqual([
      expect.objectContaining({
        problem: 'truncated',
        message: expect.stringContaining('记录被截断或清空（现有 0 条）'),
      }),
    ])
  })

  it('12. wiping everything and anchoring again without the key', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.deleteFrom('audit_log').execute()
    await store.db.deleteFrom('audit_head').execute()
    const other = Buffer.from('another-key-the-forger-made-up-0123456789', 'utf8')
    // the tool refuses: the anchors already in the file are not this key's
    await expect(writeAuditAnchor(store.db, { anchorsPath, key: other })).rejects.toThrow('审计日志校验未通过')
    // by hand: a line signed with a key of the forger's own
    const last = JSON.parse(readFileSync(anchorsPath, 'utf8').trim().split('\n').at(-1) ?? '') as AuditAnchor
    const unsigned = {
      n: 2,
      at: new Date().toISOString(),
      seq: 0,
      hash: '0'.repeat(64),
      keyId: 'forged',
      prev: last.sig,
    }
    const sig = keyedSm3(
      other,
      `audit-anchor:${JSON.stringify([unsigned.n, unsigned.at, unsigned.seq, unsigned.hash, unsigned.keyId, unsigned.prev])}`,
    )
    appendFileSync(anchorsPath, `${JSON.stringify({ ...unsigned, sig })}\n`)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(kinds(r.problems)).toEqual(['anchor', 'truncated'])
  })

  it('13. replacing the anchor line to match a truncated chain', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.deleteFrom('audit_log').where('seq', '>', 5).execute()
    await rebuildChain(store, 99)
    const five = (await rowsOf(store)).at(-1)
    const line = JSON.parse(readFileSync(anchorsPath, 'utf8').trim()) as AuditAnchor
    writeFileSync(anchorsPath, `${JSON.stringify({ ...line, seq: 5, hash: five?.hash })}\n`)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([
      expect.objectContaining({ problem: 'anchor', message: expect.stringContaining('签名不符') }),
    ])
  })

  it('14. reordering timestamps, the chain rebuilt', async () => {
    const store = getStore()
    await fresh(store)
    const rows = await rowsOf(store)
    const [three, four] = [rows[2], rows[3]]
    if (!three || !four) throw new Error('rows missing')
    // record 3 now claims to come an hour after record 4
    const later = new Date(Date.parse(four.at) + 3_600_000).toISOString()
    await store.db.updateTable('audit_log').set({ at: later }).where('id', '=', three.id).execute()
    await rebuildChain(store, 3)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems[0]).toMatchObject({ seq: 3, problem: 'forged' })
  })

  it('and stripping every MAC to pass the records off as written before keying, the chain rebuilt', async () => {
    const store = getStore()
    await fresh(store)
    await store.db.updateTable('audit_log').set({ mac: null, detail: '{}' }).execute()
    await rebuildChain(store, 1)
    const r = await check(store)
    expect(r.ok).toBe(false)
    expect(r.problems.filter((p) => p.problem === 'forged')).toHaveLength(10)
  })

  it('an untampered chain anchored again and again stays valid; a second anchor of an unmoved head is skipped', async () => {
    const store = getStore()
    await fresh(store)
    const a2 = await writeAuditAnchor(store.db, { anchorsPath })
    expect(a2).toMatchObject({ n: 2, seq: 10 })
    expect(await writeAuditAnchor(store.db, { anchorsPath, ifMoved: true })).toBeNull()
    expect(await check(store)).toMatchObject({ ok: true, anchor: { n: 2, seq: 10 } })
  })
})
