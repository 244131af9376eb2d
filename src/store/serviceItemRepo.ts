import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

// 政务服务事项 and the versions of their 办事指南 (migration 2026-12-05-70).

export async function findServiceItemByCode(db: Kysely<Database>, agencyId: number, code: string) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst()
}

export async function insertServiceItem(
  db: Kysely<Database>,
  row: { agencyId: number; code: string; name: string; kind: string; department: string; at: string },
): Promise<number> {
  const r = await db
    .insertInto('service_items')
    .values({
      agency_id: row.agencyId,
      code: row.code,
      name: row.name,
      kind: row.kind,
      department: row.department,
      version: 1,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function updateServiceItem(
  db: Kysely<Database>,
  id: number,
  row: { name: string; kind: string; department: string; version: number; at: string },
): Promise<void> {
  await db
    .updateTable('service_items')
    .set({ name: row.name, kind: row.kind, department: row.department, version: row.version, updated_at: row.at })
    .where('id', '=', id)
    .execute()
}

export async function insertGuideVersion(
  db: Kysely<Database>,
  row: {
    itemId: number
    version: number
    guide: unknown
    changed: string[]
    effectiveOn: string
    by: string
    at: string
  },
): Promise<void> {
  await db
    .insertInto('service_item_versions')
    .values({
      item_id: row.itemId,
      version: row.version,
      guide: JSON.stringify(row.guide),
      changed: JSON.stringify(row.changed),
      effective_on: row.effectiveOn,
      created_by: row.by,
      created_at: row.at,
    })
    .execute()
}

/** The guide JSON of an item's version. */
export async function guideOf(db: Kysely<Database>, itemId: number, version: number): Promise<string | undefined> {
  const r = await db
    .selectFrom('service_item_versions')
    .select('guide')
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst()
  return r?.guide
}

/** An agency's items, by kind then code; `q` matches name or code (a simple search within the items). */
export async function listServiceItems(db: Kysely<Database>, agencyId: number, filter: { q?: string; kind?: string }) {
  let query = db
    .selectFrom('service_items')
    .select(['id', 'code', 'name', 'kind', 'department', 'version', 'updated_at'])
    .where('agency_id', '=', agencyId)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.q) {
    // LIKE's wildcards are dropped from the words: both engines then match them literally without an ESCAPE clause
    const like = `%${filter.q.replace(/[\\%_]/g, '')}%`
    query = query.where((eb) => eb.or([eb('name', 'like', eb.val(like)), eb('code', 'like', eb.val(like))]))
  }
  return query.orderBy('kind').orderBy('code').execute()
}

export async function findServiceItem(db: Kysely<Database>, agencyId: number, id: number) {
  return db
    .selectFrom('service_items')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function listGuideVersions(db: Kysely<Database>, itemId: number) {
  return db
    .selectFrom('service_item_versions')
    .select(['version', 'guide', 'changed', 'effective_on', 'created_by'])
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .execute()
}

/** How many items of each kind an agency lists. */
export async function countServiceItemsByKind(db: Kysely<Database>, agencyId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('service_items')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .groupBy('kind')
    .execute()
  return new Map(rows.map((r) => [r.kind, Number(r.n)]))
}
