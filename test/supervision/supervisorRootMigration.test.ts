import { beforeAll, expect, it } from 'vitest'
import { nearestCommonAncestor, up } from '../../src/store/migrations/2026-12-06-40-supervisor-root.js'
import { updateAgencyParent } from '../../src/store/agencyRepo.js'
import { nowIso } from '../../src/store/database.js'
import { uniqueAgency } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// Decision 0049: the old list grant (users.supervised_agency_ids) becomes a subtree grant at the list's nearest
// common ancestor, where the list has one; otherwise the account keeps no grant.

describeEachEngine('the supervisor-root migration', (getStore) => {
  const t: Record<string, number> = {}
  const users: Record<string, number> = {}
  beforeAll(async () => {
    const store = getStore()
    // city ─ bureau ─ office; city ─ district ─ districtBureau; another top agency
    for (const n of ['city', 'bureau', 'office', 'district', 'districtBureau', 'other'])
      t[n] = await uniqueAgency(store, `迁移测试${n}`)
    await updateAgencyParent(store.db, t.bureau!, t.city!)
    await updateAgencyParent(store.db, t.office!, t.bureau!)
    await updateAgencyParent(store.db, t.district!, t.city!)
    await updateAgencyParent(store.db, t.districtBureau!, t.district!)
    const grants: Record<string, { list: unknown; root?: string }> = {
      siblings: { list: [t.office, t.districtBureau] }, // → city
      branch: { list: [t.bureau, t.office] }, // → bureau (an ancestor in the list itself)
      single: { list: [t.districtBureau] }, // → districtBureau
      twoTrees: { list: [t.office, t.other] }, // no common ancestor → none
      gone: { list: [999_999] }, // names no agency → none
      garbled: { list: 'not json' }, // → none
      alreadyRooted: { list: [t.office], root: 'district' }, // keeps its root
      empty: { list: [] },
    }
    for (const [name, g] of Object.entries(grants)) {
      const row = await store.db
        .insertInto('users')
        .values({
          agency_id: null,
          username: `mig-${name}`,
          display_name: name,
          password_hash: null,
          roles: '["supervisor"]',
          department_id: null,
          created_at: nowIso(),
          supervised_agency_ids: typeof g.list === 'string' ? g.list : JSON.stringify(g.list),
          supervised_root_id: g.root ? t[g.root]! : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      users[name] = Number(row.id)
    }
    await up(store.db)
  })

  const rootOf = async (name: string) => {
    const row = await getStore()
      .db.selectFrom('users')
      .select('supervised_root_id')
      .where('id', '=', users[name]!)
      .executeTakeFirstOrThrow()
    return row.supervised_root_id === null ? null : Number(row.supervised_root_id)
  }

  it('grants the nearest common ancestor of agencies in one tree', async () => {
    expect(await rootOf('siblings')).toBe(t.city)
    expect(await rootOf('branch')).toBe(t.bureau)
    expect(await rootOf('single')).toBe(t.districtBureau)
  })

  it('grants nothing where the list determines no root, and keeps a root already chosen', async () => {
    expect(await rootOf('twoTrees')).toBeNull()
    expect(await rootOf('gone')).toBeNull()
    expect(await rootOf('garbled')).toBeNull()
    expect(await rootOf('empty')).toBeNull()
    expect(await rootOf('alreadyRooted')).toBe(t.district)
  })

  it('is idempotent: running it again changes nothing', async () => {
    await up(getStore().db)
    expect(await rootOf('siblings')).toBe(t.city)
    expect(await rootOf('twoTrees')).toBeNull()
  })
})

it('the nearest common ancestor stops at a cycle', () => {
  const parent = new Map<number, number | null>([
    [1, 2],
    [2, 1],
    [3, null],
  ])
  expect(nearestCommonAncestor([1], parent)).toBe(1)
  expect(nearestCommonAncestor([1, 3], parent)).toBeNull()
})
