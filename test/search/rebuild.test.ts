import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { rebuildSearchIndex } from '../../src/services/catalog/rebuildSearchIndex.js'
import { clearSearchIndex } from '../../src/search/searchIndex.js'
import { makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'

const today = '2026-03-02' as CalendarDay

describeEachEngine('an index in an older format is rebuilt at start (decision 0028)', (get) => {
  it('a current index is left alone; a format-1 index is rebuilt from the published documents', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency, {
      title: '2025年公共租赁住房保障对象名单公示',
      bodyHtml: '<p>经审核，以下家庭符合公共租赁住房保障条件。</p>',
      docNo: null,
    })
    await reviewAndPublish(get(), id, today)
    expect(await rebuildSearchIndex(get())).toBeNull()
    // what an upgraded database looks like: jieba tokens the new code cannot read, format 1
    await clearSearchIndex(get().db, get().engine)
    await get().db.updateTable('search_stats').set({ format: 1 }).execute()
    expect((await searchDocuments(get(), { q: '公租房' }, today)).total).toBe(0)
    expect(await rebuildSearchIndex(get())).toBeGreaterThanOrEqual(1)
    expect((await searchDocuments(get(), { q: '公租房' }, today)).hits.map((h) => h.id)).toEqual([id])
    expect(await rebuildSearchIndex(get())).toBeNull()
  })
})
