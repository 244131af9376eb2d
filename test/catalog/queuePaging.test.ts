import { expect, it } from 'vitest'
import type { Role } from '../../src/domain/auth/roles.js'
import type { Actor } from '../../src/services/actor.js'
import { catalogQueue, QUEUE_PAGE_SIZE } from '../../src/services/catalog/staffDocuments.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency, makeDraft } from './factories.js'

// Issue 13 point 6: every list pages through its rows and says how many there are. The catalog queue counts
// each section in the database and shows 50 rows a page.

let users = 500
function person(role: Role, agencyId: number): Actor {
  const userId = ++users
  const username = `${role}${userId}`
  return {
    username,
    ip: '127.0.0.1',
    principal: { userId, username, roles: [role], agencyId, departmentIds: [], supervisedAgencyIds: [] },
  }
}

describeEachEngine('the catalog queue pages through an agency’s items', (get) => {
  it('a queue of 120 items says 120, shows 50 a page, and page 3 holds the last 20', async () => {
    const agency = await makeAgency(get())
    const other = await makeAgency(get())
    const ids: number[] = []
    for (let i = 1; i <= 120; i++) ids.push(await makeDraft(get(), agency, { title: `第${i}号通知` }))
    await makeDraft(get(), other, { title: '另一机关的通知' })
    // 55 of them sent back to the drafters: the 退回修改 section counts and pages on its own
    await get().db.updateTable('documents').set({ status: 'returned' }).where('id', 'in', ids.slice(0, 55)).execute()
    const drafter = person('handler', agency.id)
    const page = (n: number) => catalogQueue({ store: get(), actor: drafter, pages: { all: n, returned: n } })

    const [p1, p2, p3] = [await page(1), await page(2), await page(3)]
    expect(QUEUE_PAGE_SIZE).toBe(50)
    expect(p1.totals).toMatchObject({ all: 120, returned: 55, toPublish: 0 })
    expect(p3.totals.all).toBe(120)
    expect([p1.all.length, p2.all.length, p3.all.length]).toEqual([50, 50, 20])
    // the three pages hold every item of the agency once, and nothing of the other agency
    const seen = [...p1.all, ...p2.all, ...p3.all].map((d) => d.id)
    expect(new Set(seen).size).toBe(120)
    expect([...seen].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b))
    expect(p3.pages.all).toBe(3)
    // newest change first: the third page holds the 20 items changed longest ago, the first 20 drafted
    expect(p3.all.map((d) => d.id).sort((a, b) => a - b)).toEqual(ids.slice(0, 20))
    // 55 returned: 50 on the first page of that section, 5 on the second
    expect([p1.returned.length, p2.returned.length]).toEqual([50, 5])
    expect(p2.returned.every((d) => d.status === 'returned')).toBe(true)
  })

  it('a page past the end is an empty page that still says how many there are', async () => {
    const agency = await makeAgency(get())
    for (let i = 1; i <= 3; i++) await makeDraft(get(), agency, { title: `第${i}号公告` })
    const q = await catalogQueue({ store: get(), actor: person('handler', agency.id), pages: { all: 9 } })
    expect(q.all).toEqual([])
    expect(q.totals.all).toBe(3)
    expect(q.pages.all).toBe(9)
  })
})
