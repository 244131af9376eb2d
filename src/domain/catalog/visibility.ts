import type { CalendarDay } from '../calendar/calendarDay.js'

// DESIGN.md: nothing unreviewed is public. THE rule of what the public may see; the store's `publicDocuments`
// query is this predicate in SQL, and every public route, search, feed, sitemap, API and attachment goes
// through that query.

export interface VisibilityFacts {
  status: string
  disclosure: string
  published_on: string | null
}

/** Published (after the whole review chain), 主动公开, and its publication day has come (scheduled items wait). */
export function isPublic(doc: VisibilityFacts, today: CalendarDay): boolean {
  return (
    doc.status === 'published' && doc.disclosure === 'active' && doc.published_on !== null && doc.published_on <= today
  )
}
