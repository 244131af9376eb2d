import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
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
}

export interface SearchPageData {
  form: SearchForm
  agencies: { name: string; code: string }[]
  /** null before anything was asked, or when the query is refused */
  result: SearchResult | null
  /** why the query was refused, in Chinese */
  error?: string
}

/**
 * 信息检索 as the portal page shows it: the form, the agencies to pick from, and the results, or the reason a
 * query is refused (a value: the page shows it with the form). `query` holds the query string's text fields.
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
  }
  const agencies = (await portalAgencies(store)).map((a) => ({ name: a.name, code: a.code }))
  if (!parsed.success)
    return { form, agencies, result: null, error: parsed.error.issues.map((i) => i.message).join('；') }
  if (!parsed.data.q && !parsed.data.docNo) return { form, agencies, result: null }
  try {
    return { form, agencies, result: await searchDocuments(store, parsed.data, today) }
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err
    return { form, agencies, result: null, error: err.message }
  }
}
