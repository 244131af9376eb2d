import { expect, it } from 'vitest'
import { CANDIDATES, indexDocument, rankDocuments } from '../../src/search/searchIndex.js'
import { dayOfKey, maxKeyOn, sortKey, yearKeys } from '../../src/search/sortKey.js'
import { describeEachEngine } from '../support/engines.js'

// However PostgreSQL reads the matches (a walk of the key index, the GIN index in windows of days, or one plain
// statement; decision 0052), a search gives the newest matches in key order and counts them up to CANDIDATES,
// exactly as a plain filter of every document would. The corpus is uneven on purpose: most matches lie in the
// older years, so a window of days sized on the average gives too few and the next one must widen.

function seeded(seed: number) {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

const TODAY = '2026-06-30'
const corpus: { key: number; text: string }[] = []
{
  const rand = seeded(52)
  for (let id = 1; id <= 12_000; id++) {
    // spread evenly from 2019 to mid-2026
    const year = 2019 + Math.floor(rand() * 7.5)
    const month = 1 + Math.floor(rand() * (year === 2026 ? 6 : 12))
    const day = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
    // 甲 in most documents; 乙 in most before 2023 and few since; 丙 in few
    const words = ['文件']
    if (rand() < 0.6) words.push('甲')
    if (rand() < (year >= 2023 ? 0.05 : 0.7)) words.push('乙')
    if (rand() < 0.02) words.push('丙')
    corpus.push({ key: sortKey(day, id), text: words.join('，') })
  }
}

function plainNewest(terms: string[], lo: number, hi: number): number[] {
  return corpus
    .filter((d) => d.key >= lo && d.key <= hi && terms.every((t) => d.text.includes(t)))
    .map((d) => d.key)
    .sort((a, b) => b - a)
}

describeEachEngine('every plan gives the newest matches in key order', (get, engine) => {
  it('indexes the uneven corpus', async () => {
    await get()
      .db.transaction()
      .execute(async (trx) => {
        for (const [i, d] of corpus.entries())
          await indexDocument(trx, engine, {
            id: i + 1,
            publishedOn: new Date(dayOfKey(d.key) * 86_400_000).toISOString().slice(0, 10),
            agencyId: 1,
            columnIds: [1],
            validity: 'valid',
            topic: '',
            title: d.text,
            docNo: null,
            text: d.text,
          })
      })
  }, 120_000)

  it.each([
    ['甲 乙, every year', ['甲', '乙'], null],
    ['甲 乙, one year', ['甲', '乙'], 2021],
    ['甲, every year', ['甲'], null],
    ['乙, in 2024', ['乙'], 2024],
    ['丙, every year', ['丙'], null],
  ] as const)('%s: the page, the deep page and the count', async (_, terms, year) => {
    const [lo, hi] = year ? yearKeys(year) : [0, maxKeyOn(TODAY)]
    const expected = plainNewest([...terms], lo, Math.min(hi, maxKeyOn(TODAY)))
    const ask = (offset: number) =>
      rankDocuments(get().db, engine, {
        groups: terms.map((t) => [t]),
        filters: [],
        minKey: lo,
        maxKey: Math.min(hi, maxKeyOn(TODAY)),
        sort: 'date',
        limit: 10,
        offset,
      })
    const first = await ask(0)
    expect(first.total).toBe(Math.min(expected.length, CANDIDATES))
    expect(first.keys).toEqual(expected.slice(0, 10))
    const deep = await ask(Math.min(expected.length, CANDIDATES) - 10)
    expect(deep.keys).toEqual(
      expected.slice(Math.min(expected.length, CANDIDATES) - 10, Math.min(expected.length, CANDIDATES)),
    )
  })
})
