import { STANDARD_COLUMNS, isColumnSlug } from '../../domain/catalog/columns.js'
import type { Store } from '../../store/database.js'
import { findColumn, listColumns } from '../../store/catalogRepo.js'
import { ValidationError } from '../errors.js'

/** Creates an agency's four standard disclosure columns if missing (idempotent); returns slug → id. */
export async function ensureCatalog(store: Store, agencyId: number): Promise<Map<string, number>> {
  return store.db.transaction().execute(async (trx) => {
    const existing = new Map((await listColumns(trx, agencyId)).map((c) => [c.slug, Number(c.id)]))
    let sort = existing.size
    for (const c of STANDARD_COLUMNS) {
      if (existing.has(c.slug)) continue
      const row = await trx
        .insertInto('catalog_columns')
        .values({
          agency_id: agencyId,
          parent_id: null,
          slug: c.slug,
          name: c.name,
          kind: c.kind,
          art20: c.art20 ?? null,
          sort: sort++,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      existing.set(c.slug, Number(row.id))
    }
    return existing
  })
}

export interface SubColumnInput {
  agencyId: number
  parentSlug: string
  slug: string
  name: string
  art20?: string | null
}

/** Adds a sub-column the agency configures (e.g. 法定主动公开内容 → 住房保障). */
export async function addSubColumn(store: Store, input: SubColumnInput): Promise<number> {
  if (!isColumnSlug(input.slug))
    throw new ValidationError([{ field: 'slug', message: '栏目代码应为小写字母、数字或连字符' }])
  if (!input.name.trim()) throw new ValidationError([{ field: 'name', message: '请填写栏目名称' }])
  return store.db.transaction().execute(async (trx) => {
    const parent = await findColumn(trx, input.agencyId, input.parentSlug)
    if (!parent) throw new ValidationError([{ field: 'parentSlug', message: `上级栏目「${input.parentSlug}」不存在` }])
    if (await findColumn(trx, input.agencyId, input.slug))
      throw new ValidationError([{ field: 'slug', message: `栏目代码「${input.slug}」已存在` }])
    const count = await trx
      .selectFrom('catalog_columns')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', parent.id)
      .executeTakeFirst()
    const row = await trx
      .insertInto('catalog_columns')
      .values({
        agency_id: input.agencyId,
        parent_id: parent.id,
        slug: input.slug,
        name: input.name.trim(),
        kind: 'custom',
        art20: input.art20 ?? null,
        sort: Number(count?.n ?? 0),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Number(row.id)
  })
}
