import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { isPublic } from '../../src/domain/catalog/visibility.js'
import { describeEachEngine } from '../support/engines.js'
import { publicDocuments } from '../../src/store/catalogRepo.js'
import { HIDDEN_STATES, attachmentDir, buildWorld } from '../portal/world.js'

describeEachEngine('the one visibility rule', (get) => {
  it('publicDocuments (SQL) selects exactly the items isPublic (domain) accepts, on every day around a schedule', async () => {
    attachmentDir()
    const world = await buildWorld(get())
    const all = await get().db.selectFrom('documents').select(['id', 'status', 'disclosure', 'published_on']).execute()
    expect(all.length).toBe(1 + HIDDEN_STATES.length)
    for (const day of ['2026-03-01', '2026-03-02', '2026-03-19', '2026-03-20'] as CalendarDay[]) {
      const sql = (await publicDocuments(get().db, day).select('id').execute()).map((r) => r.id).sort()
      const rule = all
        .filter((d) => isPublic(d, day))
        .map((d) => d.id)
        .sort()
      expect(sql, day).toEqual(rule)
    }
    // before the publication day nothing; from 3/20 the scheduled item too
    expect(
      (
        await publicDocuments(get().db, '2026-03-20' as CalendarDay)
          .select('id')
          .execute()
      )
        .map((r) => r.id)
        .sort(),
    ).toEqual([world.published.id, world.hidden.scheduled.id].sort())
  })
})
