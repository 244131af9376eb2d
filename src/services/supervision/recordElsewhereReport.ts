import { z } from 'zod'
import { appendAudit } from '../../store/auditRepo.js'
import type { Store } from '../../store/database.js'
import { saveElsewhereReport } from '../../store/supervisionRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'
import { supervisionScope } from './supervisionScope.js'

const elsewhereInput = z.object({
  agencyId: z.number({ message: '请选择机关' }).int().positive('请选择机关'),
  year: z.number({ message: '年度应为数字' }).int().min(2008, '年度不早于2008年').max(2100, '年度不晚于2100年'),
  url: z
    .string()
    .trim()
    .max(500, '链接过长')
    .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), '请填写以 http:// 或 https:// 开头的报告链接'),
  /** the report's text as published, when the supervisor has it (the auditor reads it) */
  text: z.string().max(2_000_000, '报告文字过长').default(''),
})

export type ElsewhereInput = z.input<typeof elsewhereInput>

/**
 * Records that an agency of the actor's subtree published its annual report outside the platform (its own
 * website): the link, and the report's text when given, which the collection's auditor reads.
 */
export async function recordElsewhereReport(props: {
  store: Store
  actor: Actor
  input: ElsewhereInput
}): Promise<void> {
  const parsed = elsewhereInput.safeParse(props.input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const r = parsed.data
  const scope = await supervisionScope(props.store, props.actor)
  if (!scope.agencies.some((a) => a.id === r.agencyId))
    throw new ValidationError([{ field: 'agencyId', message: '该机关不在您的监督范围内' }])
  authorize(props.actor, 'supervision.publish', { agencyId: r.agencyId })
  await props.store.db.transaction().execute(async (trx) => {
    await saveElsewhereReport(trx, { ...r, fileName: '', by: props.actor.username })
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'report.elsewhere',
      targetType: 'report',
      targetId: `${r.agencyId}/${r.year}`,
      detail: { url: r.url, withText: r.text.length > 0 },
    })
  })
}
