import type { Kysely } from 'kysely'
import type { AgencySettings } from '../domain/agency/settings.js'
import { parseAgencySettings } from '../domain/agency/settings.js'
import { nowIso } from './database.js'
import type { Database } from './schema.js'

// The one place agencies are read and written: every other module asks here, and every reader of
// `settings` gets it parsed by the one schema (domain/agency/settings.ts).

export interface Agency {
  id: number
  name: string
  code: string
  parentId: number | null
  settings: AgencySettings
}

type AgencyRow = { id: number; name: string; code: string; parent_id: number | null; settings: string }

function toAgency(r: AgencyRow): Agency {
  return {
    id: Number(r.id),
    name: r.name,
    code: r.code,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    settings: parseAgencySettings(r.settings),
  }
}

const COLUMNS = ['id', 'name', 'code', 'parent_id', 'settings'] as const

/** Every agency, in the order they were created. */
export async function listAgencies(db: Kysely<Database>): Promise<Agency[]> {
  const rows = await db.selectFrom('agencies').select(COLUMNS).orderBy('id').execute()
  return rows.map(toAgency)
}

export async function findAgencyById(db: Kysely<Database>, id: number): Promise<Agency | undefined> {
  if (!Number.isSafeInteger(id)) return undefined
  const row = await db.selectFrom('agencies').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row ? toAgency(row) : undefined
}

/** By 统一社会信用代码 alone (any case): the portal's URLs name an agency by its code. */
export async function findAgencyByCode(db: Kysely<Database>, code: string): Promise<Agency | undefined> {
  const row = await db.selectFrom('agencies').select(COLUMNS).where('code', '=', code.toUpperCase()).executeTakeFirst()
  return row ? toAgency(row) : undefined
}

/** By 统一社会信用代码 (any case) or exact name. */
export async function findAgencyByCodeOrName(db: Kysely<Database>, nameOrCode: string): Promise<Agency | undefined> {
  const key = nameOrCode.trim()
  const row = await db
    .selectFrom('agencies')
    .select(COLUMNS)
    .where((eb) => eb.or([eb('code', '=', key.toUpperCase()), eb('name', '=', key)]))
    .executeTakeFirst()
  return row ? toAgency(row) : undefined
}

/** The agency whose name or code is already taken, if any. */
export async function findAgencyClash(
  db: Kysely<Database>,
  a: { name: string; code: string },
): Promise<Agency | undefined> {
  const row = await db
    .selectFrom('agencies')
    .select(COLUMNS)
    .where((eb) => eb.or([eb('name', '=', a.name), eb('code', '=', a.code)]))
    .executeTakeFirst()
  return row ? toAgency(row) : undefined
}

export async function insertAgency(
  db: Kysely<Database>,
  a: { name: string; code: string; parentId: number | null; settings: AgencySettings },
): Promise<number> {
  const row = await db
    .insertInto('agencies')
    .values({
      name: a.name,
      code: a.code,
      parent_id: a.parentId,
      settings: JSON.stringify(a.settings),
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** Replaces some settings, keeping the others (and any key this version does not know) as stored. */
export async function updateAgencySettings(
  db: Kysely<Database>,
  id: number,
  change: Partial<AgencySettings>,
): Promise<void> {
  const row = await db.selectFrom('agencies').select('settings').where('id', '=', id).executeTakeFirstOrThrow()
  let stored: Record<string, unknown> = {}
  try {
    const v: unknown = JSON.parse(row.settings)
    if (v && typeof v === 'object' && !Array.isArray(v)) stored = v as Record<string, unknown>
  } catch {
    // a broken column is replaced by the settings given
  }
  await db
    .updateTable('agencies')
    .set({ settings: JSON.stringify({ ...stored, ...change }) })
    .where('id', '=', id)
    .execute()
}

export async function countAgencies(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Departments of one agency (or of several), by id. */
export async function listDepartments(
  db: Kysely<Database>,
  agencyIds: readonly number[],
): Promise<{ id: number; agencyId: number; name: string }[]> {
  if (agencyIds.length === 0) return []
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'agency_id', 'name'])
    .where('agency_id', 'in', [...agencyIds])
    .orderBy('id')
    .execute()
  return rows.map((d) => ({ id: Number(d.id), agencyId: Number(d.agency_id), name: d.name }))
}

export async function insertDepartment(db: Kysely<Database>, agencyId: number, name: string): Promise<number> {
  const row = await db
    .insertInto('departments')
    .values({ agency_id: agencyId, name })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** The agencies above `id`, parent first, by parent_id (a loop in the data stops the walk). */
export async function agencyAncestors(db: Kysely<Database>, id: number): Promise<Agency[]> {
  const seen = new Set<number>([id])
  const out: Agency[] = []
  let next = (await findAgencyById(db, id))?.parentId ?? null
  while (next !== null && !seen.has(next)) {
    seen.add(next)
    const a = await findAgencyById(db, next)
    if (!a) break
    out.push(a)
    next = a.parentId
  }
  return out
}

export async function updateAgencyParent(db: Kysely<Database>, id: number, parentId: number | null): Promise<void> {
  await db.updateTable('agencies').set({ parent_id: parentId }).where('id', '=', id).execute()
}

/** Every application of one agency, by id (to recompute their stored facts after a reporting setting changed). */
export async function listApplicationIdsOfAgency(db: Kysely<Database>, agencyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute()
  return rows.map((r) => Number(r.id))
}
