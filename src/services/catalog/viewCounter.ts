import type { Store } from '../../store/database.js'

// 浏览次数 without a write per page view: views are counted in memory and added to the store every few
// seconds (and when the app closes). A page shows the larger of what this process has shown and what the
// store holds plus what is still pending, so the count never goes back.

export class ViewCounter {
  private pending = new Map<number, number>()
  private shown = new Map<number, number>()
  private timer: NodeJS.Timeout

  constructor(
    private readonly store: Store,
    intervalMs = 5000,
  ) {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), intervalMs)
    this.timer.unref()
  }

  /** The count a page read from the store as `stored` starts from (call when the page is rendered). */
  seen(id: number, stored: number): void {
    const total = Math.max(this.shown.get(id) ?? 0, stored + (this.pending.get(id) ?? 0))
    this.shown.set(id, total)
  }

  /** Counts one view of document `id`; returns the count to show, this view included. */
  view(id: number): number {
    const n = (this.shown.get(id) ?? 0) + 1
    this.shown.set(id, n)
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1)
    return n
  }

  /** The count to show without counting a view (print view). */
  current(id: number): number {
    return this.shown.get(id) ?? 0
  }

  async flush(): Promise<void> {
    const batch = [...this.pending]
    this.pending.clear()
    for (const [id, n] of batch)
      await this.store.db
        .updateTable('documents')
        .set((eb) => ({ views: eb('views', '+', n) }))
        .where('id', '=', id)
        .execute()
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.flush()
  }
}
