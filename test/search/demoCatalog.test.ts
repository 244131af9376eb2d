import { sql } from 'kysely'
import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import type { Store } from '../../src/store/database.js'
import { createAgency } from '../../src/services/agencies.js'
import { loadCatalogDemo } from '../../src/services/demo/catalogDemo.js'
import { FUZHOU, QUZHOU } from '../../src/services/demo/loadDemo.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import type { SearchParams } from '../../src/services/catalog/searchDocuments.js'
import { saveSearchDictionaryEntry } from '../../src/services/admin/saveSearchDictionaryEntry.js'
import { systemActor } from '../../src/services/actor.js'
import { publicDocuments } from '../../src/store/catalogRepo.js'

// Issue 14 point 5 on the demo catalog: what a visitor types finds what the documents say. Every expected set
// is counted straight from the database (a substring test over what search reads: title, 文号 and text).

const today = '2026-11-24' as CalendarDay

/** The ids of the public documents whose title, 文号 or text contains one of `phrases`. */
async function containing(store: Store, phrases: string[]): Promise<number[]> {
  const text = sql<string>`documents.title || ' ' || coalesce(documents.doc_no, '') || ' ' || documents.body_text`
  const rows = await publicDocuments(store.db, today)
    .select('documents.id')
    .where((eb) => eb.or(phrases.map((p) => eb(text, 'like', `%${p}%`))))
    .execute()
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b)
}

/** Every document a search finds, page after page. */
async function everyHit(store: Store, params: SearchParams): Promise<{ total: number; ids: number[] }> {
  const first = await searchDocuments(store, { ...params, pageSize: 50 }, today)
  const ids = first.hits.map((h) => h.id)
  for (let page = 2; page <= Math.ceil(first.total / 50); page++)
    ids.push(...(await searchDocuments(store, { ...params, pageSize: 50, page }, today)).hits.map((h) => h.id))
  return { total: first.total, ids: ids.sort((a, b) => a - b) }
}

describeEachEngine('search on the demo catalog finds what people type', (get) => {
  it('loads the demo catalog', { timeout: 120_000 }, async () => {
    for (const a of [QUZHOU, FUZHOU]) await createAgency(get(), a)
    await loadCatalogDemo(get(), { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code })
  })

  it('公租房 finds every document that says 公共租赁住房 or 公租房', async () => {
    const expected = await containing(get(), ['公共租赁住房', '公租房'])
    expect(expected.length).toBeGreaterThan(10)
    const found = await everyHit(get(), { q: '公租房' })
    expect(found.ids).toEqual(expected)
    expect(found.total).toBe(expected.length)
    const page = await searchDocuments(get(), { q: '公租房' }, today)
    expect(page.hits.length).toBe(Math.min(10, expected.length))
  })

  it('the single character 房 finds every document containing it', async () => {
    const expected = await containing(get(), ['房'])
    expect(expected.length).toBeGreaterThan(100)
    const found = await everyHit(get(), { q: '房', sort: 'date' })
    expect(found.total).toBe(expected.length)
    expect(found.ids).toEqual(expected)
    const page = await searchDocuments(get(), { q: '房' }, today)
    expect([page.hits.length, page.total]).toEqual([10, expected.length])
  })

  it.each([
    ['棚改', ['棚户区改造', '棚改']],
    ['住建局', ['住房和城乡建设局', '住房城乡建设局', '住建局']],
    ['预售', ['预售']],
    ['既有住宅', ['既有住宅']],
  ])('%s finds exactly the documents that say %j', async (q, phrases) => {
    const expected = await containing(get(), phrases)
    expect(expected.length).toBeGreaterThan(0)
    const found = await everyHit(get(), { q })
    expect(found.ids).toEqual(expected)
  })

  it.each([
    ['保障对象', ['保障', '对象']],
    ['租赁住', ['租赁', '住']],
  ])('%s finds every document holding the phrase, and only documents holding each of %j', async (q, words) => {
    const phrase = await containing(get(), [q])
    const found = await everyHit(get(), { q })
    expect(found.ids).toEqual(expect.arrayContaining(phrase))
    for (const w of words) expect(await containing(get(), [w])).toEqual(expect.arrayContaining(found.ids))
  })

  it('filters alone list their documents, newest first and paged', async () => {
    const topic = await publicDocuments(get().db, today)
      .select(['documents.topic', (eb) => eb.fn.countAll<number>().as('n')])
      .where('documents.topic', '<>', '')
      .groupBy('documents.topic')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow()
    const byTopic = await searchDocuments(get(), { topic: topic.topic, pageSize: 5 }, today)
    expect(byTopic.total).toBe(Number(topic.n))
    expect(byTopic.hits).toHaveLength(Math.min(5, Number(topic.n)))
    const dates = byTopic.hits.map((h) => h.publishedOn)
    expect(dates).toEqual([...dates].sort().reverse())

    const genre = await publicDocuments(get().db, today)
      .select(['documents.genre', (eb) => eb.fn.countAll<number>().as('n')])
      .where('documents.genre', '=', '规范性文件')
      .groupBy('documents.genre')
      .executeTakeFirstOrThrow()
    expect((await searchDocuments(get(), { genre: '规范性文件' }, today)).total).toBe(Number(genre.n))

    const in2020 = await publicDocuments(get().db, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('documents.published_on', '>=', '2020-01-01')
      .where('documents.published_on', '<=', '2020-12-31')
      .executeTakeFirstOrThrow()
    const byYear = await searchDocuments(get(), { year: 2020 }, today)
    expect(byYear.total).toBe(Number(in2020.n))
    expect(byYear.hits.every((h) => h.publishedOn.startsWith('2020'))).toBe(true)
  })

  it('a misspelt query finds nothing and offers the word it meant', async () => {
    const r = await searchDocuments(get(), { q: '公租防' }, today)
    expect(r.total).toBe(0)
    expect(r.didYouMean).toBe('公租房')
    expect((await searchDocuments(get(), { q: r.didYouMean as string }, today)).total).toBeGreaterThan(0)
  })

  it("an administrator's dictionary entry changes what a query finds, at once", async () => {
    // the demo's documents say 征收 where people say 拆迁
    expect(await containing(get(), ['拆迁'])).toEqual([])
    expect((await searchDocuments(get(), { q: '拆迁' }, today)).total).toBe(0)
    await saveSearchDictionaryEntry({
      store: get(),
      actor: systemActor('test'),
      term: '拆迁',
      synonyms: '征收',
      now: new Date(),
    })
    const expected = await containing(get(), ['征收'])
    expect(expected.length).toBeGreaterThan(0)
    expect((await everyHit(get(), { q: '拆迁' })).ids).toEqual(expected)
  })
})
