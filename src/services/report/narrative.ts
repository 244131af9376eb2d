import { z } from 'zod'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { saveNarrativeSection } from '../../store/reportEntryRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'
import { resolveAgency } from './generateReport.js'

const text = (name: string) => z.string().max(20000, `${name}过长（不超过20000字）`)
const narrativeInput = z.object({
  overview: text('一、总体情况'),
  problems: text('五、存在的主要问题及改进情况'),
  other: text('六、其他需要报告的事项'),
})

/**
 * Saves the narrative sections staff wrote (一、五、六) for an agency's year, by someone who may decide on its
 * cases: one transaction, with its audit entry.
 */
export async function saveNarrative(props: {
  store: Store
  actor: Actor
  agency: string | number
  year: number
  /** the name the sections are signed with */
  by: string
  sections: z.input<typeof narrativeInput>
}): Promise<void> {
  const { store, actor, ...input } = props
  const parsed = narrativeInput.safeParse(input.sections)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  await store.db.transaction().execute(async (trx) => {
    const agency = await resolveAgency(trx, input.agency)
    authorize(actor, 'case.decide', { agencyId: agency.id })
    const at = nowIso()
    for (const [section, body] of Object.entries(parsed.data)) {
      await saveNarrativeSection(trx, {
        agencyId: agency.id,
        year: input.year,
        section,
        body: body.replace(/\r\n/g, '\n'),
        updatedBy: input.by,
        updatedAt: at,
      })
    }
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'report.narrative',
      targetType: 'report',
      targetId: `${agency.id}/${input.year}`,
      detail: { sections: Object.keys(parsed.data) },
    })
  })
}
