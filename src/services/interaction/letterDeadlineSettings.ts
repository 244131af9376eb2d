import { z } from 'zod'
import { DEFAULT_LETTER_DEADLINES, LETTER_KINDS } from '../../domain/interaction/letters.js'
import type { LetterKind } from '../../domain/interaction/letters.js'
import type { Store } from '../../store/database.js'
import { letterDeadlines, setLetterDeadline } from '../../store/letterRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { parseOrRefuse } from './common.js'

const days = (label: string) =>
  z.coerce
    .number({ message: `${label}的答复期限应为数字` })
    .int(`${label}的答复期限应为整数个工作日`)
    .min(1, `${label}的答复期限至少1个工作日`)
    .max(60, `${label}的答复期限不超过60个工作日`)

const deadlinesForm = z.object(
  Object.fromEntries(LETTER_KINDS.map((k) => [k.code, days(k.label)])) as Record<LetterKind, ReturnType<typeof days>>,
)

/** The working days an agency gives itself per kind of letter (its own where set, else the defaults). */
export async function deadlinesOf(store: Store, actor: Actor, agencyId: number): Promise<Record<LetterKind, number>> {
  authorize(actor, 'interaction.read', { agencyId })
  return { ...DEFAULT_LETTER_DEADLINES, ...(await letterDeadlines(store.db, agencyId)) }
}

/** Sets them: letters received from now on are due by the new days; letters already received keep theirs. */
export async function setLetterDeadlines(p: { store: Store; actor: Actor; agencyId: number; form: unknown }) {
  authorize(p.actor, 'interaction.manage', { agencyId: p.agencyId })
  const f = parseOrRefuse(deadlinesForm, p.form)
  await p.store.db.transaction().execute(async (trx) => {
    for (const k of LETTER_KINDS) await setLetterDeadline(trx, p.agencyId, k.code, f[k.code])
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'letter.deadlines',
      targetType: 'agency',
      targetId: p.agencyId,
      detail: f,
    })
  })
}
