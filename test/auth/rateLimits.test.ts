import { expect, it } from 'vitest'
import { hitRateLimit, pruneRateLimits } from '../../src/services/rateLimits.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import { SCHEDULED_JOBS } from '../../src/jobs/jobs.js'
import { tickJobs } from '../../src/jobs/scheduler.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'

const DAY = 86_400_000
const MINUTE = 60_000

async function keys(store: Store, prefix: string): Promise<string[]> {
  const rows = await store.db.selectFrom('rate_limits').select('key').where('key', 'like', `${prefix}%`).execute()
  return rows.map((r) => r.key).sort()
}

describeEachEngine('rate-limit counters', (getStore, engine) => {
  it('a counter whose window began more than a day ago is forgotten; a recent one is kept', async () => {
    const store = getStore()
    const now = Date.now()
    const p = `prune-${engine}-`
    await hitRateLimit(store.db, `${p}old`, 20, MINUTE, now - 2 * DAY)
    await hitRateLimit(store.db, `${p}hour`, 20, MINUTE, now - 60 * MINUTE)
    await hitRateLimit(store.db, `${p}now`, 20, MINUTE, now)
    expect(await pruneRateLimits(store.db, now)).toBeGreaterThanOrEqual(1)
    expect(await keys(store, p)).toEqual([`${p}hour`, `${p}now`])
  })

  it('a counter that starts again after a day keeps counting from one in its new window', async () => {
    const store = getStore()
    const now = Date.now()
    const key = `again-${engine}`
    await hitRateLimit(store.db, key, 20, MINUTE, now - 2 * DAY)
    expect((await hitRateLimit(store.db, key, 20, MINUTE, now)).hits).toBe(1)
    await pruneRateLimits(store.db, now)
    expect(await keys(store, key)).toEqual([key])
  })

  it("the server's hourly scheduled job prunes old counters (once per hour across instances)", async () => {
    const store = getStore()
    const key = `server-${engine}`
    await hitRateLimit(store.db, key, 20, MINUTE, Date.now() - 3 * DAY)
    expect(await keys(store, key)).toEqual([key])
    const pruning = SCHEDULED_JOBS.filter((j) => j.name === 'pruneRateLimits')
    expect(pruning).toHaveLength(1)
    const ran = await tickJobs(store, pruning, new Date(), '2026-11-24' as CalendarDay)
    expect(ran.map((r) => r.job)).toEqual(['pruneRateLimits'])
    expect(await keys(store, key)).toEqual([])
  })
})
