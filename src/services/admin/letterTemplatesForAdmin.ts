import { can } from '../../domain/auth/permissions.js'
import type { LetterKind } from '../../domain/letters/templates.js'
import { DEFAULT_TEMPLATES, LETTER_KINDS } from '../../domain/letters/templates.js'
import type { Store } from '../../store/database.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { Forbidden } from '../errors.js'
import { templateOf } from '../letters/letters.js'

export interface LetterTemplatesForAdmin {
  agencies: { id: number; name: string }[]
  agencyId: number
  bodies: Record<LetterKind, string>
}

/**
 * One agency's letter templates, for an administrator: the agency asked for when the actor manages it, else
 * the first one they manage.
 */
export async function letterTemplatesForAdmin({
  store,
  actor,
  agencyId: wanted,
}: {
  store: Store
  actor: Actor
  agencyId?: number
}): Promise<LetterTemplatesForAdmin> {
  const p = authorize(actor, 'letter.template')
  const agencies = (await listAgencies(store.db))
    .filter((a) => can(p, 'letter.template', { agencyId: a.id }))
    .map((a) => ({ id: a.id, name: a.name }))
  const agencyId = agencies.find((a) => a.id === wanted)?.id ?? agencies[0]?.id
  if (agencyId === undefined) throw new Forbidden('没有可管理模板的机关')
  const bodies = { ...DEFAULT_TEMPLATES }
  for (const k of LETTER_KINDS) bodies[k.code] = await templateOf(store.db, agencyId, k.code)
  return { agencies, agencyId, bodies }
}
