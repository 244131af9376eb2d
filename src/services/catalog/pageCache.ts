import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'

// Rendered public pages, kept while nothing they may show has changed. The key holds the catalog version
// (bumped by triggers in the transaction of every change: publication, withdrawal, edits, attachments,
// columns, agencies) and the day (scheduled items appear when their day comes), so a cached page never shows
// what `publicDocuments` would no longer select.

export async function catalogVersion(store: Store): Promise<number> {
  const row = await store.db.selectFrom('catalog_version').select('version').where('id', '=', 1).executeTakeFirst()
  return Number(row?.version ?? 0)
}

export class PageCache {
  private pages = new Map<string, string | null>()
  private stamp = ''

  constructor(private readonly max = 2000) {}

  /** The page for `key` rendered by `render` (null: not found) now or under the same version and day. */
  async get(
    store: Store,
    today: CalendarDay,
    key: string,
    render: () => Promise<string | null>,
  ): Promise<string | null> {
    const stamp = `${today}|${await catalogVersion(store)}`
    if (stamp !== this.stamp) {
      this.pages.clear()
      this.stamp = stamp
    }
    const kept = this.pages.get(key)
    if (kept !== undefined) return kept
    const page = await render()
    // a render that raced with a change is kept only if the version it was read under still holds
    if (stamp === `${today}|${await catalogVersion(store)}` && stamp === this.stamp) {
      const oldest = this.pages.keys().next()
      if (this.pages.size >= this.max && !oldest.done) this.pages.delete(oldest.value)
      this.pages.set(key, page)
    }
    return page
  }
}
