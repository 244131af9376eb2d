import type { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
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
 * The public documents of the JSON API, through the portal's one search: found by a query, a 文号 or filters,
 * else the newest of the whole platform. `totalCapped`: the count stopped at the search's limit.
 */
export async function listDocuments(props: {
  store: Store
  today: CalendarDay
  query: z.output<typeof searchParams>
}): Promise<{ total: number; totalCapped: boolean; items: ListedDocument[] }> {
  const { store, today, query: p } = props
  // without a keyword there is nothing to rank: newest first
  const result = await searchDocuments(store, p.q ? p : { ...p, sort: 'date' }, today)
  const items = result.hits.map((h) => ({
    id: h.id,
    indexNo: h.indexNo,
    title: h.title,
    publishedOn: h.publishedOn,
    docNo: h.docNo,
    publisher: h.publisher,
    validity: h.validity,
    ...(p.q || p.docNo ? { snippet: h.snippet.map((s) => s.text).join('') } : {}),
  }))
  return { total: result.total, totalCapped: result.totalCapped, items }
}
