import type { Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { InspectionItemTable } from './servicesSchema.js'

// 双随机、一公开 (migration 2026-12-05-71): item list, pools, draws, results.

/** An item as its form enters it: the table's row without the keys and the time. */
export type InspectionItemRow = Omit<InspectionItemTable, 'id' | 'agency_id' | 'created_at'>

export async function upsertInspectionItem(
  db: Kysely<Database>,
  agencyId: number,
  item: InspectionItemRow,
  at: string,
): Promise<number> {
  const existing = await db
    .selectFrom('inspection_items')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('code', '=', item.code)
    .executeTakeFirst()
  if (existing) {
    await db.updateTable('inspection_items').set(item).where('id', '=', existing.id).execute()
    return Number(existing.id)
  }
  const r = await db
    .insertInto('inspection_items')
    .values({ agency_id: agencyId, ...item, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function listInspectionItems(db: Kysely<Database>, agencyId: number) {
  return db.selectFrom('inspection_items').selectAll().where('agency_id', '=', agencyId).orderBy('code').execute()
}

export async function findInspectionItem(db: Kysely<Database>, agencyId: number, id: number) {
  return db
    .selectFrom('inspection_items')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function savePool(
  db: Kysely<Database>,
  row: {
    id?: number
    agencyId: number
    kind: string
    sector: string
    name: string
    entries: unknown[]
    fingerprint: string
    at: string
  },
): Promise<number> {
  const values = {
    kind: row.kind,
    sector: row.sector,
    name: row.name,
    entries: JSON.stringify(row.entries),
    size: row.entries.length,
    fingerprint: row.fingerprint,
    updated_at: row.at,
  }
  if (row.id !== undefined) {
    await db
      .updateTable('inspection_pools')
      .set(values)
      .where('id', '=', row.id)
      .where('agency_id', '=', row.agencyId)
      .execute()
    return row.id
  }
  const r = await db
    .insertInto('inspection_pools')
    .values({ agency_id: row.agencyId, ...values })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function listPools(db: Kysely<Database>, agencyId: number) {
  return db
    .selectFrom('inspection_pools')
    .select(['id', 'kind', 'sector', 'name', 'size', 'fingerprint', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .orderBy('kind')
    .orderBy('sector')
    .execute()
}

export async function findPool(db: Kysely<Database>, agencyId: number, id: number) {
  return db
    .selectFrom('inspection_pools')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertDraw(
  db: Kysely<Database>,
  row: {
    agencyId: number
    itemId: number
    year: number
    sector: string
    seed: string
    inspectors: unknown
    entities: unknown
    announcedOn: string
    at: string
    by: string
  },
): Promise<number> {
  const r = await db
    .insertInto('inspection_draws')
    .values({
      agency_id: row.agencyId,
      item_id: row.itemId,
      year: row.year,
      sector: row.sector,
      seed: row.seed,
      inspectors: JSON.stringify(row.inspectors),
      entities: JSON.stringify(row.entities),
      announced_on: row.announcedOn,
      announced_at: row.at,
      drawn_at: null,
      result: null,
      created_by: row.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function findDraw(db: Kysely<Database>, id: number) {
  return db.selectFrom('inspection_draws').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function saveDrawResult(db: Kysely<Database>, id: number, result: unknown, at: string): Promise<void> {
  await db
    .updateTable('inspection_draws')
    .set({ result: JSON.stringify(result), drawn_at: at })
    .where('id', '=', id)
    .where('result', 'is', null)
    .execute()
}

/** An agency's draws, newest first, with the item's name. */
export async function listDraws(db: Kysely<Database>, agencyId: number, year?: number) {
  let q = db
    .selectFrom('inspection_draws')
    .innerJoin('inspection_items', 'inspection_items.id', 'inspection_draws.item_id')
    .select([
      'inspection_draws.id',
      'inspection_draws.year',
      'inspection_draws.sector',
      'inspection_draws.seed',
      'inspection_draws.inspectors',
      'inspection_draws.entities',
      'inspection_draws.announced_on',
      'inspection_draws.drawn_at',
      'inspection_draws.result',
      'inspection_items.name as item_name',
      'inspection_items.code as item_code',
    ])
    .where('inspection_draws.agency_id', '=', agencyId)
  if (year !== undefined) q = q.where('inspection_draws.year', '=', year)
  return q.orderBy('inspection_draws.announced_on', 'desc').orderBy('inspection_draws.id', 'desc').execute()
}

export async function upsertResult(
  db: Kysely<Database>,
  row: { drawId: number; entityId: string; entityName: string; outcome: string; note: string; publishedOn: string },
): Promise<void> {
  await db
    .deleteFrom('inspection_results')
    .where('draw_id', '=', row.drawId)
    .where('entity_id', '=', row.entityId)
    .execute()
  await db
    .insertInto('inspection_results')
    .values({
      draw_id: row.drawId,
      entity_id: row.entityId,
      entity_name: row.entityName,
      outcome: row.outcome,
      note: row.note,
      published_on: row.publishedOn,
    })
    .execute()
}

export async function listResults(db: Kysely<Database>, drawIds: number[]) {
  if (drawIds.length === 0) return []
  return db
    .selectFrom('inspection_results')
    .selectAll()
    .where('draw_id', 'in', drawIds)
    .orderBy('draw_id')
    .orderBy('entity_id')
    .execute()
}
