import { z } from 'zod'
import { creditCodeProblem } from '../../domain/agency/creditCode.js'
import { agencySettings } from '../../domain/agency/settings.js'
import type { Store } from '../../store/database.js'
import { findAgencyClash, insertAgency } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

const agencyInput = z.object({
  name: z.string().trim().min(2, '请填写机关名称').max(100, '机关名称过长'),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const problem = creditCodeProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  parentId: z.number().int().positive().nullable().default(null),
  settings: z.record(z.string(), z.unknown()).default({}).pipe(agencySettings),
})

export type CreateAgencyProps = z.input<typeof agencyInput> & { store: Store; actor: Actor }

/**
 * Creates an agency: only a system administrator may; name and 统一社会信用代码 are unique and the code's
 * check character is verified (GB 32100-2015). The agency and its audit record commit together.
 */
export async function createAgency({ store, actor, ...input }: CreateAgencyProps): Promise<number> {
  authorize(actor, 'agency.manage')
  const parsed = agencyInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const a = parsed.data
  return store.db.transaction().execute(async (trx) => {
    const clash = await findAgencyClash(trx, a)
    if (clash) {
      throw new ValidationError([
        clash.code === a.code
          ? { field: 'code', message: `统一社会信用代码 ${a.code} 已被「${clash.name}」使用` }
          : { field: 'name', message: `机关「${a.name}」已存在` },
      ])
    }
    const id = await insertAgency(trx, a)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'agency.create',
      targetType: 'agency',
      targetId: id,
      detail: { name: a.name },
    })
    return id
  })
}
