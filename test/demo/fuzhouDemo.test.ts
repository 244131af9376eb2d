import { expect, it } from 'vitest'
import { loadDemo, FUZHOU } from '../../src/services/demo/loadDemo.js'
import { describeEachEngine } from '../support/engines.js'

// 福州市住房保障和房产管理局 2020年政府信息公开工作年度报告 (seed 001), 表三, read by hand:
// 自然人: 予以公开 7, 部分公开 3, 三类内部事务 1, 四类过程性 2, 不掌握 27, 另行制作 4, 信访举报投诉 4 (= 48)
// 其他: 不掌握 1.   表四: 行政复议 结果维持 4, 总计 4.
const EXPECTED = [
  ['naturalPerson', 'disclosed', 7],
  ['naturalPerson', 'notProcessed.petitionOrComplaint', 4],
  ['naturalPerson', 'partiallyDisclosed', 3],
  ['naturalPerson', 'unableToProvide.needsCreation', 4],
  ['naturalPerson', 'unableToProvide.notHeld', 27],
  ['naturalPerson', 'withheld.internalAffairs', 1],
  ['naturalPerson', 'withheld.processInformation', 2],
  ['otherOrg', 'unableToProvide.notHeld', 1],
]

describeEachEngine('the demo', (get) => {
  it('creates 福州’s 49 applications of 2020 with the kinds and outcomes its report states, all answered on time', async () => {
    await loadDemo(get())
    const agency = await get()
      .db.selectFrom('agencies')
      .selectAll()
      .where('code', '=', FUZHOU.code)
      .executeTakeFirstOrThrow()
    const rows = await get()
      .db.selectFrom('applications')
      .select(['applicant_kind', 'outcome', 'received_on', 'concluded_on', 'due_by'])
      .where('agency_id', '=', agency.id)
      // the demo city (issue 19) gives the bureau a year 2025 of synthetic cases as well: the seed's year is 2020
      .where('received_on', '<', '2021-01-01')
      .execute()
    const counts = new Map<string, number>()
    for (const r of rows)
      counts.set(`${r.applicant_kind}|${r.outcome}`, (counts.get(`${r.applicant_kind}|${r.outcome}`) ?? 0) + 1)
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(EXPECTED.map(([k, o, n]) => [`${k}|${o}`, n])))
    expect(rows.every((r) => r.received_on.startsWith('2020') && r.concluded_on?.startsWith('2020'))).toBe(true)
    expect(rows.filter((r) => (r.concluded_on ?? '') > (r.due_by ?? ''))).toEqual([])
    const reviews = await get()
      .db.selectFrom('reviews')
      .select(['kind', 'result', 'decided_on'])
      .where('agency_id', '=', agency.id)
      .where('filed_on', '<', '2021-01-01')
      .execute()
    expect(reviews.map((r) => [r.kind, r.result, r.decided_on?.slice(0, 4)])).toEqual(
      Array(4).fill(['review', 'upheld', '2020']),
    )
  }, 120_000)

  it('is idempotent: a second run changes nothing', async () => {
    const count = async (table: 'agencies' | 'applications' | 'application_events' | 'reviews') =>
      Number(
        (
          await get()
            .db.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const tables = ['agencies', 'applications', 'application_events', 'reviews'] as const
    const before = await Promise.all(tables.map(count))
    expect(await loadDemo(get())).not.toContain('已创建')
    expect(await Promise.all(tables.map(count))).toEqual(before)
  })
})
