import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { listScope } from '../../domain/auth/permissions.js'
import type { Permission } from '../../domain/auth/permissions.js'
import { findAgencyByCodeOrName, listAgencies } from '../../store/agencyRepo.js'
import type { Agency } from '../../store/agencyRepo.js'
import type { Database } from '../../store/schema.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

/** Reads input by a schema whose messages name the field in Chinese; refuses with every problem at once. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  return parsed.data
}

/** The agency a public form names by its 统一社会信用代码 (a bad one is the form's `agency` field at fault). */
export async function agencyOfForm(db: Kysely<Database>, code: string): Promise<Agency> {
  const agency = code ? await findAgencyByCodeOrName(db, code) : undefined
  if (!agency || agency.code !== code) throw new ValidationError([{ field: 'agency', message: '请选择受理机关' }])
  return agency
}

/**
 * The agencies whose records the actor may list under `permission` (null: all), and the one a new record of
 * theirs belongs to: their own agency, or the one a system administrator picked.
 */
export function agenciesOf(actor: Actor, permission: Permission): number[] | null {
  const p = authorize(actor, permission)
  const scope = listScope(p, permission)
  return scope.allAgencies ? null : scope.agencyIds
}

/** The agency a console form acts for: the actor's own, else the one chosen (system administrators). */
export function actingAgency(actor: Actor, chosen: number | null): number {
  const own = actor.principal?.agencyId ?? null
  const id = own ?? chosen
  if (id === null) throw new ValidationError([{ field: 'agency', message: '请选择机关' }])
  return id
}

/** The agencies a console form offers: every one to whoever has none of their own (a system administrator). */
export async function pickableAgencies(db: Kysely<Database>, actor: Actor): Promise<{ id: number; name: string }[]> {
  if (actor.principal?.agencyId !== null && actor.principal?.agencyId !== undefined) return []
  return (await listAgencies(db)).map((a) => ({ id: a.id, name: a.name }))
}
