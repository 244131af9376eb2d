import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { SCHEDULED_JOBS, anchorSlot } from '../../src/jobs/jobs.js'
import { tickJobs } from '../../src/jobs/scheduler.js'
import { rebuildSearchIndex } from '../../src/services/catalog/rebuildSearchIndex.js'
import type { Store } from '../../src/store/database.js'
import { openStore } from '../../src/store/database.js'
import { withStartupLock } from '../../src/store/startupLock.js'
import { makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'
import { describeEachEngine } from '../support/engines.js'

// Decision 0049: start-up work and the audit anchor are done once across instances on one database.

const PG_URL = process.env.GONGKAI_TEST_PG ?? 'postgres://127.0.0.1:5432/test'
const today = '2026-03-02' as CalendarDay
const dir = mkdtempSync(join(tmpdir(), 'gongkai-once-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describeEachEngine('start-up work and the audit anchor, once across instances', (get, engine) => {
  /** A second instance on the same database (PostgreSQL: its own pool on the same schema). */
  const other = async (): Promise<Store> =>
    engine === 'postgres' ? openStore(PG_URL, { schema: get().schema }) : get()

  it.runIf(engine === 'postgres')(
    'two instances starting together: one rebuilds an old-format index, the other waits and finds it current',
    async () => {
      const agency = await makeAgency(get())
      const id = await makeDraft(get(), agency, {
        title: '2025年公共租赁住房保障对象名单公示',
        bodyHtml: '<p>名单</p>',
        docNo: null,
      })
      await reviewAndPublish(get(), id, today)
      await get().db.updateTable('search_stats').set({ format: 1 }).execute()
      const b = await other()
      const spans: { who: string; from: number; to: number; rebuilt: number | null }[] = []
      const start = (who: string, store: Store) =>
        withStartupLock(store, 'start', async () => {
          const from = performance.now()
          const rebuilt = await rebuildSearchIndex(store)
          await new Promise((r) => setTimeout(r, 200)) // the rest of start-up work, held under the lock
          spans.push({ who, from, to: performance.now(), rebuilt })
        })
      await Promise.all([start('a', get()), start('b', b)])
      await b.close()
      expect(spans.map((s) => s.rebuilt).sort()).toEqual([1, null])
      const [first, second] = [...spans].sort((x, y) => x.from - y.from)
      expect(second!.from).toBeGreaterThanOrEqual(first!.to) // the second waited for the first
    },
    60_000,
  )

  it('the audit anchor is written once per period however many instances tick', async () => {
    const anchors = join(dir, `${engine}-anchors.log`)
    process.env.GONGKAI_AUDIT_ANCHORS = anchors
    try {
      const job = SCHEDULED_JOBS.filter((j) => j.name === 'auditAnchor')
      expect(job).toHaveLength(1)
      const now = new Date('2026-03-02T08:10:00Z')
      const b = await other()
      const [ranA, ranB] = await Promise.all([
        tickJobs(get(), job, now, today, 'instance-a'),
        tickJobs(b, job, now, today, 'instance-b'),
      ])
      if (b !== get()) await b.close()
      expect([...ranA, ...ranB].map((r) => r.outcome)).toEqual([expect.stringMatching(/^anchor #1: seq \d+/)])
      const lines = readFileSync(anchors, 'utf8').trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(JSON.parse(lines[0]!)).toMatchObject({ n: 1 })
      // the same period again: nothing; the next period: the job runs (and writes nothing while the head is still)
      expect(await tickJobs(get(), job, new Date('2026-03-02T08:50:00Z'), today, 'instance-a')).toEqual([])
      const next = await tickJobs(get(), job, new Date('2026-03-02T09:01:00Z'), today, 'instance-b')
      expect(next.map((r) => r.outcome)).toEqual(['head unchanged'])
      expect(anchorSlot(now, { GONGKAI_AUDIT_ANCHOR_EVERY_MIN: '15' })).not.toBe(
        anchorSlot(new Date('2026-03-02T08:16:00Z'), { GONGKAI_AUDIT_ANCHOR_EVERY_MIN: '15' }),
      )
    } finally {
      delete process.env.GONGKAI_AUDIT_ANCHORS
    }
  })
})
