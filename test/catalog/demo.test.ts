import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import type { Store } from '../../src/store/database.js'
import { createAgency } from '../../src/services/agencies.js'
import { loadCatalogDemo } from '../../src/services/demo/catalogDemo.js'
import { FUZHOU, QUZHOU } from '../../src/services/demo/loadDemo.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { publicDocuments } from '../../src/store/catalogRepo.js'

const today = '2026-11-24' as CalendarDay
const codes = { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code }

async function load(store: Store): Promise<string> {
  for (const a of [QUZHOU, FUZHOU]) await createAgency(store, a)
  return loadCatalogDemo(store, codes)
}

describeEachEngine('the demo catalog', (get) => {
  it('publishes a few hundred items for the two seed agencies', async () => {
    const summary = await load(get())
    expect(summary).toContain('福州市住房保障和房产管理局：主动公开目录')
    const n = await publicDocuments(get().db, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(n.n)).toBeGreaterThanOrEqual(250)
    const readings = await publicDocuments(get().db, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('interprets_id', 'is not', null)
      .executeTakeFirstOrThrow()
    expect(Number(readings.n)).toBeGreaterThanOrEqual(10)
  })

  it('puts the 福州 seed report in 政府信息公开年报 too', async () => {
    const row = await publicDocuments(get().db, today)
      .innerJoin('catalog_columns', 'catalog_columns.id', 'documents.column_id')
      .select(['catalog_columns.name', 'documents.body_text'])
      .where('documents.title', '=', '福州市住房保障和房产管理局2020年政府信息公开工作年度报告')
      .executeTakeFirst()
    expect(row?.name).toBe('政府信息公开年报')
    expect(row?.body_text).toContain('国办公开办函〔2019〕60号')
  })

  it('puts the 衢州 seed report in 政府信息公开年报 with its own 索引号', async () => {
    const row = await publicDocuments(get().db, today)
      .innerJoin('catalog_columns', 'catalog_columns.id', 'documents.column_id')
      .select(['documents.index_no', 'catalog_columns.name', 'documents.body_text'])
      .where('documents.title', '=', '衢州市住房和城乡建设局 2020年政府信息公开工作年度报告')
      .executeTakeFirst()
    expect(row?.index_no).toBe('113308000026188164/2021-119608')
    expect(row?.name).toBe('政府信息公开年报')
    expect(row?.body_text).toContain('政府信息公开工作年度报告')
  })

  it('榕房〔2020〕93号 is found, with its interpretation linked', async () => {
    const r = await searchDocuments(get(), { q: '榕房〔2020〕93号' }, today)
    expect(r.hits.map((h) => h.title)).toEqual(['关于进一步规范住宅物业服务收费的通知'])
    const reading = await publicDocuments(get().db, today)
      .select(['title'])
      .where('interprets_id', '=', r.hits[0]?.id as number)
      .execute()
    expect(reading.map((x) => x.title)).toEqual(['《关于进一步规范住宅物业服务收费的通知》政策解读'])
  })

  it('recent items carry the whole review chain, attributed and dated', async () => {
    const events = await get()
      .db.selectFrom('document_events')
      .select(['kind', 'step'])
      .where('kind', '=', 'approved')
      .where('step', '=', 'secrecy')
      .execute()
    expect(events.length).toBeGreaterThan(0)
  })

  it('a second run changes nothing', async () => {
    expect(await loadCatalogDemo(get(), codes)).toBe('')
  })
})

describeEachEngine('the demo catalog is deterministic', (get) => {
  it('gives the same titles and 索引号 as a fresh SQLite run', async () => {
    await load(get())
    const { freshStore } = await import('../support/engines.js')
    const other = await freshStore('sqlite')
    await load(other)
    const list = (s: Store) =>
      s.db.selectFrom('documents').select(['title', 'index_no', 'published_on']).orderBy('index_no').execute()
    expect(await list(get())).toEqual(await list(other))
    await other.drop()
  })
})
