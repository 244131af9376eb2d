import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { findAgency } from '../agencies.js'
import { findColumn, publicDocuments } from '../../store/catalogRepo.js'
import { CANDIDATES, rankDocuments } from '../../search/searchIndex.js'
import { documentIdOf, maxKeyOn, yearKeys } from '../../search/sortKey.js'
import { docNoToken, filterToken, queryTokens } from '../../search/tokenize.js'
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
  terms: string[]
}

/** 检索: public documents only (publicDocuments), matched on words and filters, by relevance or date. */
export async function searchDocuments(store: Store, input: SearchParams, today: CalendarDay): Promise<SearchResult> {
  const parsed = searchParams.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const p = parsed.data
  const empty: SearchResult = { total: 0, totalCapped: false, page: p.page, pageSize: p.pageSize, hits: [], terms: [] }
  // a query that is one 文号 matches that 文号 exactly, whatever brackets it was typed with
  const wholeDocNo = docNoToken(p.q)
  const words = wholeDocNo ? [] : queryTokens(p.q)
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
  if (words.length + filters.length === 0) return empty
  let [minKey, maxKey] = [0, maxKeyOn(today)]
  if (p.year) {
    const [lo, hi] = yearKeys(p.year)
    ;[minKey, maxKey] = [lo, Math.min(hi, maxKey)]
  }
  const ranked = await rankDocuments(store.db, store.engine, {
    terms: [...words, ...filters],
    scored: words,
    minKey,
    maxKey,
    // an agency, a column or a 文号 narrows the match to few documents
    selective: Boolean(wholeDocNo || p.docNo || p.agency),
    sort: p.sort,
    limit: p.pageSize,
    offset: (p.page - 1) * p.pageSize,
  })
  const ids = ranked.keys.map(documentIdOf)
  if (ids.length === 0) return { ...empty, total: ranked.total, totalCapped: ranked.total >= CANDIDATES, terms: words }
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
