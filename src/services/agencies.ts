import { z } from 'zod'
import { creditCodeProblem } from '../domain/agency/creditCode.js'
import type { Store } from '../store/database.js'
import { nowIso } from '../store/database.js'
import { ValidationError } from './errors.js'
import { zodErrors } from './registerApplication.js'

export const agencyInput = z.object({
  name: z.string().trim().min(2, '请填写机关名称').max(100, '机关名称过长'),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const problem = creditCodeProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  parentId: z.number().int().positive().nullable().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
})

/** Creates an agency (name and 统一社会信用代码 unique; the check character verified). */
export async function createAgency(store: Store, input: z.input<typeof agencyInput>): Promise<number> {
  const parsed = agencyInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const a = parsed.data
  return store.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('agencies')
      .select(['name', 'code'])
      .where((eb) => eb.or([eb('name', '=', a.name), eb('code', '=', a.code)]))
      .executeTakeFirst()
    if (clash) {
      throw new ValidationError([
        clash.code === a.code
          ? { field: 'code', message: `统一社会信用代码 ${a.code} 已被「${clash.name}」使用` }
          : { field: 'name', message: `机关「${a.name}」已存在` },
      ])
    }
    const row = await trx
      .insertInto('agencies')
      .values({
        name: a.name,
        code: a.code,
        parent_id: a.parentId ?? null,
        settings: JSON.stringify(a.settings ?? {}),
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Number(row.id)
  })
}

/** Finds an agency by 统一社会信用代码 or exact name. */
export async function findAgency(store: Store, nameOrCode: string) {
  const key = nameOrCode.trim()
  return store.db
    .selectFrom('agencies')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', key.toUpperCase()), eb('name', '=', key)]))
    .executeTakeFirst()
}

export async function createDepartment(store: Store, agencyId: number, name: string): Promise<number> {
  const row = await store.db
    .insertInto('departments')
    .values({ agency_id: agencyId, name })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}
