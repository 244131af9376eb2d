import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { findAgency } from '../agencies.js'
import { findColumn, publicDocuments } from '../../store/catalogRepo.js'
import { listDictionary } from '../../store/searchDictionaryRepo.js'
import { CANDIDATES, phraseFrequencies, rankDocuments } from '../../search/searchIndex.js'
import { documentIdOf, maxKeyOn, yearKeys } from '../../search/sortKey.js'
import { docNoToken, filterToken } from '../../search/tokenize.js'
import type { QueryPlan } from '../../search/queryPlan.js'
import { planPhrases, planQuery } from '../../search/queryPlan.js'
import { nearWords } from '../../search/suggest.js'
import type { SynonymIndex } from '../../search/synonyms.js'
import { BUILT_IN_SYNONYMS, synonymIndex } from '../../search/synonyms.js'
import type { SnippetPart } from '../../search/snippet.js'
import { markTerms, snippet } from '../../search/snippet.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

const PAGE_SIZE = 10

export const searchParams = z.object({
  q: z.string().trim().max(100, '检索词过长（不超过100字）').default(''),
  agency: z.string().trim().max(40, '发布机关过长').optional(),
  column: z.string().trim().max(40, '栏目过长').optional(),
  topic: z.string().trim().max(50, '主题分类过长').optional(),
  genre: z.string().trim().max(50, '组配分类过长').optional(),
  year: z.coerce
    .number({ message: '发布年份应为四位数字，如 2026' })
    .int('发布年份应为四位数字，如 2026')
    .min(1990, '发布年份应在1990年至2100年之间')
    .max(2100, '发布年份应在1990年至2100年之间')
    .optional(),
  docNo: z.string().trim().max(100, '文号过长（不超过100字）').optional(),
  validity: z.enum(['valid', 'expired', 'repealed'], { message: '有效性无效' }).optional(),
  sort: z.enum(['relevance', 'date'], { message: '排序方式无效' }).default('relevance'),
  page: z.coerce.number({ message: '页码无效' }).int('页码无效').min(1, '页码无效').max(1000, '页码无效').default(1),
  pageSize: z.coerce
    .number({ message: '每页条数应为1至50' })
    .int('每页条数应为1至50')
    .min(1, '每页条数应为1至50')
    .max(50, '每页条数应为1至50')
    .default(PAGE_SIZE),
})
export type SearchParams = z.input<typeof searchParams>

interface SearchHit {
  id: number
  indexNo: string
  title: string
  titleParts: SnippetPart[]
  docNo: string | null
  publishedOn: string
  publisher: string
  validity: string
  snippet: SnippetPart[]
}

export interface SearchResult {
  /** matches, counted up to CANDIDATES */
  total: number
  /** true when there are at least CANDIDATES matches (the page says 超过…条) */
  totalCapped: boolean
  page: number
  pageSize: number
  hits: SearchHit[]
  /** the phrases looked for: the words typed and their synonyms (marked in titles and snippets) */
  terms: string[]
  /** nothing found: a query one edit away that finds something (您是不是要找) */
  didYouMean?: string
}

/** The dictionary in force: the built-in groups and the administrators' (search_dictionary). */
async function searchSynonyms(store: Store): Promise<SynonymIndex> {
  const rows = await listDictionary(store.db)
  return synonymIndex([...BUILT_IN_SYNONYMS, ...rows.map((r) => [r.term, ...r.synonyms])])
}

/**
 * 检索: public documents only (publicDocuments), matched on words and filters, by relevance or date. The one
 * search of the portal page and the JSON API. Filters alone list their documents newest first (browsing by
 * 主题分类, 组配分类, year, agency); nothing at all lists every public document newest first.
 */
export async function searchDocuments(store: Store, input: SearchParams, today: CalendarDay): Promise<SearchResult> {
  const parsed = searchParams.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const p = parsed.data
  const empty: SearchResult = { total: 0, totalCapped: false, page: p.page, pageSize: p.pageSize, hits: [], terms: [] }
  // a query that is one 文号 matches that 文号 exactly, whatever brackets it was typed with
  const wholeDocNo = docNoToken(p.q)
  const synonyms = wholeDocNo || !p.q ? new Map<string, string[]>() : await searchSynonyms(store)
  const plan: QueryPlan = wholeDocNo ? { groups: [], boosts: [] } : planQuery(p.q, synonyms)
  const filters: string[] = wholeDocNo ? [wholeDocNo] : []
  if (p.docNo) {
    const t = docNoToken(p.docNo)
    if (!t) throw new ValidationError([{ field: 'docNo', message: '文号格式应如“榕房〔2020〕93号”' }])
    filters.push(t)
  }
  if (p.agency) {
    const agency = await findAgency(store, p.agency)
    if (!agency) return empty
    filters.push(filterToken.agency(agency.id))
    if (p.column) {
      const column = await findColumn(store.db, agency.id, p.column)
      if (!column) return empty
      filters.push(filterToken.column(column.id))
    }
  }
  if (p.validity) filters.push(filterToken.validity(p.validity))
  if (p.topic) filters.push(filterToken.topic(p.topic))
  if (p.genre) filters.push(filterToken.genre(p.genre))
  // typed text with no letter or digit in it asks for nothing: nothing is found
  if (p.q && !wholeDocNo && plan.groups.length === 0) return empty
  let [minKey, maxKey] = [0, maxKeyOn(today)]
  if (p.year) {
    const [lo, hi] = yearKeys(p.year)
    ;[minKey, maxKey] = [lo, Math.min(hi, maxKey)]
  }
  const rank = ({ groups, boosts }: QueryPlan) =>
    rankDocuments(store.db, store.engine, {
      groups,
      boosts,
      filters,
      minKey,
      maxKey,
      // an agency, a column or a 文号 narrows the match to few documents
      selective: Boolean(wholeDocNo || p.docNo || p.agency),
      sort: p.sort,
      limit: p.pageSize,
      offset: (p.page - 1) * p.pageSize,
    })
  const ranked = await rank(plan)
  const words = planPhrases(plan)
  const ids = ranked.keys.map(documentIdOf)
  if (ids.length === 0) {
    const didYouMean = ranked.total === 0 && plan.groups.length ? await suggest(store, p.q, plan, synonyms, rank) : null
    return {
      ...empty,
      total: ranked.total,
      totalCapped: ranked.total >= CANDIDATES,
      terms: words,
      ...(didYouMean ? { didYouMean } : {}),
    }
  }
  const rows = await publicDocuments(store.db, today)
    .select(['id', 'index_no', 'title', 'doc_no', 'published_on', 'publisher', 'validity', 'body_text'])
    .where('id', 'in', ids)
    .execute()
  const byId = new Map(rows.map((r) => [Number(r.id), r]))
  const marks = wholeDocNo ? [p.q.trim()] : words
  const hits = ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        id,
        indexNo: r.index_no ?? '',
        title: r.title,
        titleParts: markTerms(r.title, marks),
        docNo: r.doc_no,
        publishedOn: r.published_on ?? '',
        publisher: r.publisher,
        validity: r.validity,
        snippet: snippet(r.body_text, marks),
      },
    ]
  })
  return {
    total: ranked.total,
    totalCapped: ranked.total >= CANDIDATES,
    page: p.page,
    pageSize: p.pageSize,
    hits,
    terms: words,
  }
}

/**
 * 您是不是要找: each typed word that no document holds is replaced by the nearest word that some document
 * holds (search dictionary first, then jieba's words by frequency); the corrected query is offered if it
 * finds something with the same filters.
 */
async function suggest(
  store: Store,
  q: string,
  plan: QueryPlan,
  synonyms: SynonymIndex,
  rank: (plan: QueryPlan) => Promise<{ total: number }>,
): Promise<string | null> {
  const typed = plan.groups.map((g) => g.find((phrase) => q.toLowerCase().includes(phrase)) ?? (g[0] as string))
  const known = await phraseFrequencies(store.db, typed)
  let corrected = q.toLowerCase()
  let changed = false
  for (const word of typed) {
    if ((known.get(word) ?? 0) > 0) continue
    const near = nearWords(word, [...synonyms.keys()])
    // a dictionary phrase is found through any of its synonyms
    const alternatives = (w: string) => synonyms.get(w) ?? [w]
    const df = await phraseFrequencies(store.db, near.flatMap(alternatives))
    const best = near.find((w) => alternatives(w).some((a) => (df.get(a) ?? 0) > 0))
    if (!best) return null
    corrected = corrected.replace(word, best)
    changed = true
  }
  if (!changed) return null
  const found = await rank(planQuery(corrected, synonyms))
  return found.total > 0 ? corrected : null
}
