import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { drawEntries, performDraw, verifyDraw } from '../../src/domain/inspections/draw.js'
import { poolFingerprint } from '../../src/domain/inspections/pool.js'
import type { PoolEntry } from '../../src/domain/inspections/pool.js'
import { sectorStandings } from '../../src/domain/inspections/ratios.js'
import { systemActor } from '../../src/services/actor.js'
import { sm3 } from '../../src/services/auditLog.js'
import { announceDraw, makeDraw, recordInspectionResult } from '../../src/services/inspections/draws.js'
import { inspectionColumn, publishedDraw } from '../../src/services/inspections/inspectionPages.js'
import { saveInspectionItem, savePoolFromText } from '../../src/services/inspections/manageInspections.js'
import { buildApp } from '../../src/web/app.js'
import { makeAgency } from '../catalog/factories.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 18, 双随机、一公开: a seeded draw anyone can reproduce from what was published (the seed and the pools with
// their SM3 fingerprints, published before the draw), checked by `gongkai draw verify`.

const pool = (n: number, prefix: string): PoolEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i + 1).padStart(3, '0')}`,
    name: `${prefix}对象${i + 1}`,
  }))

describe('the fingerprint and the draw (pure)', () => {
  it('changing one pool entry changes the fingerprint; the order entries were typed in does not', () => {
    const entries = pool(30, 'E')
    const fp = poolFingerprint(entries, sm3)
    expect(fp).toMatch(/^[0-9a-f]{64}$/)
    expect(poolFingerprint([...entries].reverse(), sm3)).toBe(fp)
    const renamed = entries.map((e, i) => (i === 17 ? { ...e, name: `${e.name}（已更名）` } : e))
    expect(poolFingerprint(renamed, sm3)).not.toBe(fp)
    const recoded = entries.map((e, i) => (i === 3 ? { ...e, id: 'E999' } : e))
    expect(poolFingerprint(recoded, sm3)).not.toBe(fp)
    expect(poolFingerprint(entries.slice(1), sm3)).not.toBe(fp)
  })

  it('the same seed and pools draw the same entries, distinct and from the pool; another seed draws others', () => {
    const entries = pool(40, 'E')
    const a = drawEntries(entries, 5, 'seed-1', 'entities', sm3)
    expect(drawEntries([...entries].reverse(), 5, 'seed-1', 'entities', sm3)).toEqual(a)
    expect(new Set(a.map((e) => e.id)).size).toBe(5)
    expect(a.every((e) => entries.some((x) => x.id === e.id))).toBe(true)
    expect(drawEntries(entries, 5, 'seed-2', 'entities', sm3)).not.toEqual(a)
  })

  it('verification names a changed pool and a result that the seed does not give', () => {
    const d = {
      seed: 'abc',
      inspectors: { count: 2, entries: pool(8, 'I'), fingerprint: '' },
      entities: { count: 3, entries: pool(20, 'E'), fingerprint: '' },
    }
    d.inspectors.fingerprint = poolFingerprint(d.inspectors.entries, sm3)
    d.entities.fingerprint = poolFingerprint(d.entities.entries, sm3)
    const published = { ...d, result: performDraw(d, sm3) }
    expect(verifyDraw(published, sm3)).toEqual([])
    const swapped = { ...published, result: { ...published.result, entities: ['E001', 'E002', 'E003'] } }
    expect(verifyDraw(swapped, sm3).join()).toContain('抽中的检查对象与按种子重算的结果不符')
    const edited = { ...published, entities: { ...published.entities, entries: pool(21, 'E') } }
    expect(verifyDraw(edited, sm3).join()).toContain('检查对象名录的指纹不符')
  })

  it('a sector below the agency’s targets gets a warning', () => {
    const [low, ok] = sectorStandings(
      [
        { sector: '物业服务', poolSize: 100, inspected: 4, rounds: 2 },
        { sector: '房地产开发', poolSize: 20, inspected: 2, rounds: 3 },
      ],
      { minRatioPercent: 5, minRounds: 3 },
    )
    expect(low?.warnings).toEqual(['抽查比例 4% 低于目标 5%', '抽查频次 2 次少于目标 3 次'])
    expect(ok?.warnings).toEqual([])
    expect(
      sectorStandings([{ sector: 'x', poolSize: 20, inspected: 2, rounds: 3 }], {
        minRatioPercent: 12,
        minRounds: 3,
      })[0]?.warnings,
    ).toEqual(['抽查比例 10% 低于目标 12%'])
  })
})

const actor = systemActor('test')
const lines = (entries: PoolEntry[]) => entries.map((e) => `${e.id} ${e.name}`).join('\n')

describeEachEngine('a published draw', (store) => {
  it('is announced with seed and fingerprints, drawn, published, and verified by `gongkai draw verify`', async () => {
    const agency = await makeAgency(store())
    const base = { store: store(), actor, agency: agency.id }
    const itemId = await saveInspectionItem({
      ...base,
      item: {
        code: 'SJ-01',
        name: '物业服务企业检查',
        sector: '物业服务',
        basis: '《物业管理条例》',
        subject: '市房管局',
        content: '服务行为',
        method: '现场检查',
      },
    })
    const inspectorPoolId = await savePoolFromText({
      ...base,
      pool: { kind: 'inspector', sector: '全部', name: '执法人员', text: lines(pool(6, 'I')) },
    })
    const entityPoolId = await savePoolFromText({
      ...base,
      pool: { kind: 'entity', sector: '物业服务', name: '物业企业', text: lines(pool(30, 'E')) },
    })
    const id = await announceDraw({
      ...base,
      draw: { itemId, inspectorPoolId, entityPoolId, inspectors: 2, entities: 3 },
      today: '2020-05-06' as CalendarDay,
    })
    const announced = await publishedDraw(store(), id)
    expect(announced?.result).toBeNull()
    expect(announced?.seed).toMatch(/^[0-9a-f]{32}$/)
    expect(announced?.entities.fingerprint).toBe(poolFingerprint(pool(30, 'E'), sm3))
    await makeDraw({ store: store(), actor, id })
    await expect(makeDraw({ store: store(), actor, id })).rejects.toThrow('该抽查已经抽取，结果不能重抽')

    const app = await buildApp({ store: store(), today: () => '2020-06-01' as CalendarDay })
    const json = await app.inject(`/api/inspections/draws/${id}`)
    expect(json.statusCode).toBe(200)
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-draw-'))
    const file = join(dir, 'draw.json')
    writeFileSync(file, json.body)
    const out = execFileSync('node', ['bin/gongkai.js', 'draw', 'verify', file], { encoding: 'utf8' })
    expect(out).toContain('按种子重算的结果与公布一致')

    // someone publishes a different result: the command says so and fails
    const forged = json.json() as { result: { entities: string[] } }
    const notDrawn = pool(30, 'E').find((e) => !forged.result.entities.includes(e.id))?.id ?? ''
    forged.result.entities = [notDrawn, ...forged.result.entities.slice(1)]
    writeFileSync(file, JSON.stringify(forged))
    let failed = ''
    try {
      execFileSync('node', ['bin/gongkai.js', 'draw', 'verify', file], { encoding: 'utf8' })
    } catch (e) {
      failed = String((e as { stdout: string }).stdout)
    }
    expect(failed).toContain('核对未通过')

    const entity = announced?.entities.entries.find(
      (e) => e.id === (json.json() as { result: { entities: string[] } }).result.entities[0],
    )
    await recordInspectionResult({
      store: store(),
      actor,
      drawId: id,
      result: { entityId: entity?.id ?? '', outcome: 'corrected', note: '已责令整改' },
      today: '2020-05-20' as CalendarDay,
    })
    await expect(
      recordInspectionResult({
        store: store(),
        actor,
        drawId: id,
        result: { entityId: 'E-not-drawn', outcome: 'noProblem', note: '' },
        today: '2020-05-20' as CalendarDay,
      }),
    ).rejects.toThrow('该对象不是本次抽中的检查对象')
    const column = await app.inject(`/inspections/${agency.code}`)
    expect(column.body).toContain(announced?.seed ?? 'seed')
    expect(column.body).toContain(entity?.name ?? 'entity')
    expect(column.body).toContain('发现问题，已责令整改')
    // one round of 3 in 30: 10 % but 1 round, below the default 3
    expect(column.body).toContain('抽查频次 1 次少于目标 3 次')
    await app.close()
  })

  it('the column reads the agency’s own targets', async () => {
    const agency = await makeAgency(store(), { inspectionTargets: { minRatioPercent: 50, minRounds: 1 } })
    const base = { store: store(), actor, agency: agency.id }
    const itemId = await saveInspectionItem({
      ...base,
      item: {
        code: 'SJ-02',
        name: '经纪机构检查',
        sector: '房地产经纪',
        basis: '依据',
        subject: '主体',
        content: '内容',
        method: '方式',
      },
    })
    const i = await savePoolFromText({
      ...base,
      pool: { kind: 'inspector', sector: '全部', name: '人员', text: lines(pool(4, 'I')) },
    })
    const e = await savePoolFromText({
      ...base,
      pool: { kind: 'entity', sector: '房地产经纪', name: '机构', text: lines(pool(10, 'E')) },
    })
    const id = await announceDraw({
      ...base,
      draw: { itemId, inspectorPoolId: i, entityPoolId: e, inspectors: 2, entities: 2 },
      today: '2021-03-01' as CalendarDay,
      seed: 's',
    })
    await makeDraw({ store: store(), actor, id })
    const col = await inspectionColumn({ store: store(), code: agency.code })
    expect(col?.standing?.sectors[0]?.warnings).toEqual(['抽查比例 20% 低于目标 50%'])
  })

  it('a pool with a repeated id or a malformed line is refused, naming the problem', async () => {
    const agency = await makeAgency(store())
    const base = { store: store(), actor, agency: agency.id }
    await expect(
      savePoolFromText({ ...base, pool: { kind: 'entity', sector: 's', name: 'n', text: 'A1 甲\nA1 乙' } }),
    ).rejects.toThrow('名录中编号重复：A1')
    await expect(
      savePoolFromText({ ...base, pool: { kind: 'entity', sector: 's', name: 'n', text: 'A1 甲\n乙' } }),
    ).rejects.toThrow('名录第2行应为“编号 名称”')
  })
})
