import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import type { Facet } from '../../store/searchFacetRepo.js'
import { publicFacets } from '../../store/searchFacetRepo.js'
import { ValidationError } from '../errors.js'
import { portalAgencies } from './portal.js'
import type { SearchResult } from './searchDocuments.js'
import { searchDocuments, searchParams } from './searchDocuments.js'

/** The search form as the visitor filled it, shown again above the results. */
export interface SearchForm {
  q: string
  sort: 'relevance' | 'date'
  agency?: string
  year?: number
  validity?: string
  docNo?: string
  topic?: string
  genre?: string
}

export interface SearchPageData {
  form: SearchForm
  agencies: { name: string; code: string }[]
  /** what there is to browse by without a keyword, with the number of public documents of each */
  facets: { topics: Facet[]; genres: Facet[]; years: Facet[] }
  /** null before anything was asked, or when the query is refused */
  result: SearchResult | null
  /** why the query was refused, in Chinese */
  error?: string
}

/**
 * 信息检索 as the portal page shows it: the form, what to browse by, and the results (a keyword, a filter, or
 * both), or the reason a query is refused (a value: the page shows it with the form). `query` holds the
 * query string's text fields.
 */
export async function searchPage(props: {
  store: Store
  today: CalendarDay
  query: Record<string, string>
}): Promise<SearchPageData> {
  const { store, today, query } = props
  const parsed = searchParams.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')))
  const form: SearchForm = {
    q: (query.q ?? '').slice(0, 100),
    sort: query.sort === 'date' ? 'date' : 'relevance',
    agency: query.agency,
    year: parsed.success ? parsed.data.year : undefined,
    validity: query.validity,
    docNo: query.docNo,
    topic: query.topic,
    genre: query.genre,
  }
  const [agencies, facets] = await Promise.all([
    portalAgencies(store).then((all) => all.map((a) => ({ name: a.name, code: a.code }))),
    publicFacets(store.db, today),
  ])
  const base = { form, agencies, facets }
  if (!parsed.success) return { ...base, result: null, error: parsed.error.issues.map((i) => i.message).join('；') }
  const p = parsed.data
  if (!p.q && !p.docNo && !p.agency && !p.year && !p.validity && !p.topic && !p.genre) return { ...base, result: null }
  try {
    // a listing without a keyword is newest first whatever the sort asked
    const sort = p.q ? p.sort : 'date'
    return { ...base, result: await searchDocuments(store, { ...p, sort }, today) }
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err
    return { ...base, result: null, error: err.message }
  }
}
