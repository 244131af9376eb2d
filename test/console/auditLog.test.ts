import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { appendAudit, sm3, verifyAuditLog } from '../../src/services/auditLog.js'
import type { Store } from '../../src/store/database.js'
import { migrate, openStore } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { FIGURE_KEYS } from '../../src/domain/report/figureKeys.js'
import { submitDocument } from '../../src/services/catalog/workflow.js'
import { enterFigures } from '../../src/services/report/figures.js'
import { drafter, makeAgency, makeDraft } from '../catalog/factories.js'
import { createAgency } from '../../src/services/agencies.js'
import { importApplications } from '../../src/services/report/importApplications.js'
import { parseCsv } from '../../src/services/report/ledgerFile.js'
import { makeCreditCode } from '../support/factories.js'

const ledger = parseCsv(readFileSync(new URL('../fixtures/ledger/ledger-2021-2023.csv', import.meta.url), 'utf8'))

const run = promisify(execFile)

async function seed(store: Store, n: number): Promise<number[]> {
  const seqs: number[] = []
  for (let i = 0; i < n; i++) {
    seqs.push(
      await store.db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: `user${i}`,
          ip: '192.0.2.1',
          action: 'case.assigned',
          targetType: 'application',
          targetId: i + 1,
          detail: { departmentId: i },
        }),
      ),
    )
  }
  return seqs
}

it('SM3 is the national standard hash (GB/T 32905-2016 test vector "abc")', () => {
  expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
})

describeEachEngine('audit trail: SM3 hash chain', (getStore) => {
  it('an untouched chain verifies', async () => {
    await seed(getStore(), 5)
    const r = await verifyAuditLog(getStore().db)
    expect(r.ok).toBe(true)
    expect(r.count).toBeGreaterThanOrEqual(5)
  })

  it('altering any field of a record makes verification fail and name that record', async () => {
    const store = getStore()
    const [, , third] = await seed(store, 4)
    const row = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', third as number)
      .executeTakeFirstOrThrow()
    await store.db
      .updateTable('audit_log')
      .set({ actor: 'someone-else' })
      .where('seq', '=', third as number)
      .execute()
    const r = await verifyAuditLog(store.db)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([
      expect.objectContaining({ seq: third, problem: 'altered', message: expect.stringContaining(`第 ${third} 条`) }),
    ])
    await store.db
      .updateTable('audit_log')
      .set({ actor: row.actor })
      .where('seq', '=', third as number)
      .execute()
    expect((await verifyAuditLog(store.db)).ok).toBe(true)
  })

  it('recomputing the hash of an altered record fails its keyed MAC and breaks the link to the next one', async () => {
    const store = getStore()
    const [first] = await seed(store, 3)
    const row = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', first as number)
      .executeTakeFirstOrThrow()
    const { recordHash } = await import('../../src/services/auditLog.js')
    const forged = { ...row, detail: '{"departmentId":999}' }
    const { id: _id, hash: _h, ...rest } = forged
    await store.db
      .updateTable('audit_log')
      .set({ detail: forged.detail, hash: recordHash({ ...rest, seq: Number(rest.seq) }) })
      .where('seq', '=', first as number)
      .execute()
    const r = await verifyAuditLog(store.db)
    expect(r.ok).toBe(false)
    expect(r.problems.slice(0, 2)).toMatchObject([
      { seq: first as number, problem: 'forged' },
      { seq: (first as number) + 1, problem: 'reordered' },
    ])
    await store.db
      .updateTable('audit_log')
      .set({ detail: row.detail, hash: row.hash })
      .where('seq', '=', first as number)
      .execute()
    expect((await verifyAuditLog(store.db)).ok).toBe(true)
  })

  it('deleting a record in the middle is detected and the missing record named', async () => {
    const store = getStore()
    const [, second] = await seed(store, 3)
    const row = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', second as number)
      .executeTakeFirstOrThrow()
    await store.db
      .deleteFrom('audit_log')
      .where('seq', '=', second as number)
      .execute()
    const r = await verifyAuditLog(store.db)
    expect(r.ok).toBe(false)
    expect(r.problems[0]).toMatchObject({ seq: second, problem: 'deleted', message: `第 ${second} 条记录已被删除` })
    const { id: _id, ...back } = row
    await store.db.insertInto('audit_log').values(back).execute()
    expect((await verifyAuditLog(store.db)).ok).toBe(true)
  })

  it('deleting the last record is detected too (the chain head remembers it)', async () => {
    const store = getStore()
    const seqs = await seed(store, 2)
    const last = seqs[1] as number
    await store.db.deleteFrom('audit_log').where('seq', '=', last).execute()
    const r = await verifyAuditLog(store.db)
    expect(r.problems).toEqual([expect.objectContaining({ seq: last, problem: 'deleted' })])
  })
})

const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('`gongkai audit-log verify` passes on an intact chain and fails naming the altered record', async () => {
  const url = `sqlite:${join(dir, 'audit.db')}`
  const store = await openStore(url)
  await migrate(store)
  await seed(store, 4)
  await store.close()
  const cli = ['--import', 'tsx', 'src/cli/main.ts', 'audit-log', 'verify']
  const env = { ...process.env, GONGKAI_DB: url }
  const ok = await run(process.execPath, cli, { env })
  expect(ok.stdout).toContain('审计日志校验通过：共 4 条记录')
  const s2 = await openStore(url)
  await s2.db.updateTable('audit_log').set({ ip: '203.0.113.9' }).where('seq', '=', 2).execute()
  await s2.close()
  const bad = await run(process.execPath, cli, { env }).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  )
  expect(bad?.code).toBe(1)
  expect(bad?.stderr).toContain('第 2 条记录（id 2）内容被改动')
})

const FIGURE_KEY = [...FIGURE_KEYS.keys()][0] as string

describeEachEngine('audit trail: documents and report figures are in the chain', (getStore) => {
  it('each step of a document and each figure entered is a record with who and from where', async () => {
    const store = getStore()
    const agency = await makeAgency(store)
    const id = await makeDraft(store, agency)
    await submitDocument(store, id, { ...drafter, ip: '198.51.100.7' }, '2026-03-02' as CalendarDay)
    await enterFigures(store, [
      {
        agency: agency.id,
        year: 2025,
        key: FIGURE_KEY,
        value: 12,
        source: '财务科提供',
        enteredBy: '统计员赵敏',
        ip: '198.51.100.8',
      },
    ])
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['actor', 'ip', 'action', 'target_type', 'target_id'])
      .where('target_type', 'in', ['document', 'report'])
      .orderBy('seq')
      .execute()
    expect(rows).toEqual([
      { actor: drafter.name, ip: '', action: 'document.created', target_type: 'document', target_id: String(id) },
      {
        actor: drafter.name,
        ip: '198.51.100.7',
        action: 'document.submitted',
        target_type: 'document',
        target_id: String(id),
      },
      {
        actor: '统计员赵敏',
        ip: '198.51.100.8',
        action: 'report.figure',
        target_type: 'report',
        target_id: `${agency.id}/2025/${FIGURE_KEY}`,
      },
    ])
    expect((await verifyAuditLog(store.db)).ok).toBe(true)
  })

  it('cases imported from a ledger are each recorded, with who imported them', async () => {
    const store = getStore()
    const code = makeCreditCode(9400 + Math.floor(Math.random() * 500))
    await createAgency(store, { name: '台账审计测试局', code })
    const rows = ledger.slice(0, 4) // the header and three cases
    const result = await importApplications(store, {
      agencyCode: code,
      rows,
      today: '2026-11-24' as CalendarDay,
      actor: { actor: '命令行 tester', ip: 'localhost' },
    })
    expect(result.created).toBe(3)
    const recorded = await store.db
      .selectFrom('audit_log')
      .select(['actor', 'ip'])
      .where('action', '=', 'case.imported')
      .where('actor', '=', '命令行 tester')
      .execute()
    expect(recorded).toEqual(Array(3).fill({ actor: '命令行 tester', ip: 'localhost' }))
    expect((await verifyAuditLog(store.db)).ok).toBe(true)
  })
})
