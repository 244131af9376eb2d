import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { withdrawDocument } from '../../src/services/catalog/workflow.js'
import { changeValidity } from '../../src/services/catalog/documentMetadata.js'
import { submitDocument } from '../../src/services/catalog/workflow.js'
import { addSubColumn } from '../../src/services/catalog/columns.js'
import { drafter, makeAgency, makeDraft, office, reviewAndPublish } from '../catalog/factories.js'

const today = '2026-03-02' as CalendarDay
const titles = (r: { hits: { title: string }[] }) => r.hits.map((h) => h.title)

describeEachEngine('full-text search', (get) => {
  let agency: Awaited<ReturnType<typeof makeAgency>>
  let other: Awaited<ReturnType<typeof makeAgency>>
  const ids: Record<string, number> = {}

  it('indexes published items', async () => {
    agency = await makeAgency(get())
    other = await makeAgency(get())
    const housing = await addSubColumn(get(), {
      agencyId: agency.id,
      parentSlug: 'statutory',
      slug: 'housing',
      name: '住房保障',
    })
    agency.columns.set('housing', housing)
    ids.fee = await makeDraft(get(), agency, { columnId: housing })
    ids.expropriation = await makeDraft(get(), agency, {
      title: '国有土地上房屋征收与补偿实施办法',
      bodyHtml: '<p>为规范国有土地上房屋征收与补偿活动，维护公共利益，保障被征收人的合法权益，制定本办法。</p>',
      docNo: '榕政〔2019〕12号',
      formedOn: '2019-05-06',
    })
    ids.rent = await makeDraft(get(), other, {
      title: '2025年公共租赁住房保障对象名单公示',
      bodyHtml: '<p>经审核，以下家庭符合公共租赁住房保障条件，现予公示。</p>',
      docNo: null,
      formedOn: '2025-06-03',
    })
    ids.draft = await makeDraft(get(), agency, {
      title: '物业管理条例修订草案（未审核）',
      bodyHtml: '<p>物业 草案 内部讨论稿</p>',
      docNo: '榕房〔2026〕1号',
    })
    ids.inReview = await makeDraft(get(), agency, {
      title: '物业专项维修资金审核中的稿件',
      bodyHtml: '<p>物业 维修资金</p>',
    })
    await submitDocument(get(), ids.inReview, drafter, today)
    await reviewAndPublish(get(), ids.fee, today)
    await reviewAndPublish(get(), ids.expropriation, '2019-05-10' as CalendarDay)
    await reviewAndPublish(get(), ids.rent, '2025-06-05' as CalendarDay)
  })

  it.each([
    ['住房', ['关于进一步规范住宅物业服务收费的通知', '2025年公共租赁住房保障对象名单公示']],
    ['物业', ['关于进一步规范住宅物业服务收费的通知']],
    ['征收', ['国有土地上房屋征收与补偿实施办法']],
  ])('finds the two-character word %s in published items only', async (q, expected) => {
    const r = await searchDocuments(get(), { q, sort: 'date' }, today)
    expect(titles(r).sort()).toEqual([...expected].sort())
    expect(r.total).toBe(expected.length)
  })

  it.each(['榕房〔2020〕93号', '榕房[2020]93号', '榕房（2020）93号'])(
    'finds an item by its 文号 typed as %s',
    async (q) => {
      const r = await searchDocuments(get(), { q }, today)
      expect(titles(r)).toEqual(['关于进一步规范住宅物业服务收费的通知'])
    },
  )

  it('never returns drafts or items in review, even by their 文号', async () => {
    expect((await searchDocuments(get(), { q: '榕房〔2026〕1号' }, today)).total).toBe(0)
    expect((await searchDocuments(get(), { q: '维修资金' }, today)).total).toBe(0)
    expect((await searchDocuments(get(), { q: '草案' }, today)).total).toBe(0)
  })

  it('filters by agency, column (with its sub-columns), year, 文号 and 有效性', async () => {
    const byAgency = await searchDocuments(get(), { q: '住房', agency: other.code }, today)
    expect(titles(byAgency)).toEqual(['2025年公共租赁住房保障对象名单公示'])
    const byColumn = await searchDocuments(get(), { q: '住房', agency: agency.code, column: 'statutory' }, today)
    expect(titles(byColumn)).toEqual(['关于进一步规范住宅物业服务收费的通知'])
    expect(titles(await searchDocuments(get(), { q: '补偿', year: 2019 }, today))).toEqual([
      '国有土地上房屋征收与补偿实施办法',
    ])
    expect((await searchDocuments(get(), { q: '补偿', year: 2020 }, today)).total).toBe(0)
    expect(titles(await searchDocuments(get(), { q: '规范', docNo: '榕政〔2019〕12号' }, today))).toEqual([
      '国有土地上房屋征收与补偿实施办法',
    ])
    await changeValidity(get(), ids.expropriation as number, 'repealed', '2026-01-01' as CalendarDay, office, today)
    expect(titles(await searchDocuments(get(), { q: '征收', validity: 'repealed' }, today))).toEqual([
      '国有土地上房屋征收与补偿实施办法',
    ])
    expect((await searchDocuments(get(), { q: '征收', validity: 'valid' }, today)).total).toBe(0)
  })

  it('sorts by date newest first and pages', async () => {
    const r = await searchDocuments(get(), { q: '保障', sort: 'date', pageSize: 1 }, today)
    expect(r.total).toBe(3)
    expect(r.hits.map((h) => h.publishedOn)).toEqual(['2026-03-02'])
    const page3 = await searchDocuments(get(), { q: '保障', sort: 'date', pageSize: 1, page: 3 }, today)
    expect(page3.hits.map((h) => h.publishedOn)).toEqual(['2019-05-10'])
  })

  it('marks the query words in the snippet as separate parts (escaped by the view)', async () => {
    const r = await searchDocuments(get(), { q: '合法权益' }, today)
    const parts = r.hits.find((h) => h.title.startsWith('国有'))?.snippet ?? []
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toContain('合法权益')
  })

  it('a withdrawn item is gone from search at once', async () => {
    await withdrawDocument(get(), ids.rent as number, '名单有误', office, today)
    expect((await searchDocuments(get(), { q: '公共租赁' }, today)).total).toBe(0)
  })
})
