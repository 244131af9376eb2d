import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'

// Plain Okapi BM25 over the whole corpus, written out here independently of src/search/bm25.ts:
// idf = ln(1 + (N − df + 0.5)/(df + 0.5)), k1 = 1.2, b = 0.75; a term's frequency is its occurrences in the
// document's text, a document's length its Han characters plus its other words (decision 0028).
const occurrences = (text: string, t: string) => text.split(t).length - 1
const lengthOf = (text: string) => (text.match(/\p{Script=Han}|[^\p{Script=Han}\s，。\n]+/gu) ?? []).length
function plainBm25Order(
  corpus: { id: number; agencyId: number; text: string }[],
  terms: string[],
  agencyId: number,
): number[] {
  const N = corpus.length
  const avgdl = corpus.reduce((s, d) => s + lengthOf(d.text), 0) / N
  const df = (t: string) => corpus.filter((d) => d.text.includes(t)).length
  const matching = corpus.filter((d) => d.agencyId === agencyId && terms.every((t) => d.text.includes(t)))
  const score = (d: { text: string }) =>
    terms.reduce((s, t) => {
      const f = occurrences(d.text, t)
      const idf = Math.log(1 + (N - df(t) + 0.5) / (df(t) + 0.5))
      return s + (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * lengthOf(d.text)) / avgdl))
    }, 0)
  return matching
    .map((d) => ({ id: d.id, s: score(d) }))
    .sort((a, b) => b.s - a.s || b.id - a.id)
    .map((d) => d.id)
}

const VOCAB = [
  '住房',
  '物业',
  '征收',
  '补偿',
  '保障',
  '公积金',
  '租赁',
  '维修',
  '资金',
  '小区',
  '业主',
  '公示',
  '审批',
  '房屋',
  '安全',
  '工作',
]
function seeded(seed: number) {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

const today = '2026-03-02' as CalendarDay

describeEachEngine('relevance agrees with plain BM25 on small corpora', (get) => {
  // every item indexed in this database so far: the statistics are the whole index's
  const corpus: { id: number; agencyId: number; text: string }[] = []
  it.each([1, 2, 3])('corpus %i: same order as BM25 for one- and two-word queries', async (seed) => {
    const rnd = seeded(seed)
    const agency = await makeAgency(get())
    for (let i = 0; i < 24; i++) {
      const words = Array.from(
        { length: 5 + Math.floor(rnd() * 40) },
        () => VOCAB[Math.floor(rnd() * rnd() * VOCAB.length)] as string,
      )
      const title = `第${seed}组通知${i + 1}`
      const text = words.join('，')
      const id = await makeDraft(get(), agency, { title, bodyHtml: `<p>${text}</p>`, docNo: null })
      await reviewAndPublish(get(), id, today)
      corpus.push({ id, agencyId: agency.id, text: `${title}\n\n${text}` })
    }
    for (const q of ['住房', '物业', '补偿', '住房 物业', '保障 维修']) {
      // the same corpus statistics the index keeps: every item this agency published
      const r = await searchDocuments(get(), { q, agency: agency.code, pageSize: 50 }, today)
      expect(
        r.hits.map((h) => h.id),
        q,
      ).toEqual(plainBm25Order(corpus, q.split(' '), agency.id))
    }
  })
})
