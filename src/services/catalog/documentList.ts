import type { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { latestPublic } from './portal.js'
import type { searchParams } from './searchDocuments.js'
import { searchDocuments } from './searchDocuments.js'

export interface ListedDocument {
  id: number
  indexNo: string | null
  title: string
  publishedOn: string | null
  docNo: string | null
  publisher: string
  validity: string
  /** the words found, with their context (a search only) */
  snippet?: string
}

/**
 * The public documents of the JSON API: found by a query or a 文号, else the newest of the whole platform.
 * `totalCapped`: the count stopped at the search's limit.
 */
export async function listDocuments(props: {
  store: Store
  today: CalendarDay
  query: z.output<typeof searchParams>
}): Promise<{ total: number; totalCapped: boolean; items: ListedDocument[] }> {
  const { store, today, query: p } = props
  if (!p.q && !p.docNo) {
    const { rows, total } = await latestPublic(store, today, p.pageSize, (p.page - 1) * p.pageSize)
    const items = rows.map((r) => ({
      id: Number(r.id),
      indexNo: r.index_no,
      title: r.title,
      publishedOn: r.published_on,
      docNo: r.doc_no,
      publisher: r.publisher,
      validity: r.validity,
    }))
    return { total, totalCapped: false, items }
  }
  const result = await searchDocuments(store, p, today)
  const items = result.hits.map((h) => ({
    id: h.id,
    indexNo: h.indexNo,
    title: h.title,
    publishedOn: h.publishedOn,
    docNo: h.docNo,
    publisher: h.publisher,
    validity: h.validity,
    snippet: h.snippet.map((s) => s.text).join(''),
  }))
  return { total: result.total, totalCapped: result.totalCapped, items }
}
