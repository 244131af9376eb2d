import type { Kysely } from 'kysely'
import type { AgencyKind } from '../../domain/agency/agencyKind.js'
import { governmentFromName, suggestAgencyKind } from '../../domain/agency/agencyKind.js'
import { reviewBodyOf } from '../../domain/agency/reviewBody.js'
import type { Agency } from '../../store/agencyRepo.js'
import { agencyAncestors } from '../../store/agencyRepo.js'
import type { Database } from '../../store/schema.js'

/** An agency's review body as its letters name it, with where it comes from and whether an administrator confirmed it. */
export interface AgencyReviewBody {
  kind: AgencyKind
  /** false: the kind is only suggested by the name */
  kindSet: boolean
  /** null when neither the settings, the hierarchy nor the name give one */
  body: string | null
  article: string
  source: 'configured' | 'hierarchy' | 'name' | 'none'
  missing?: string
  /** who confirmed this very body, and when (null when unconfirmed, or confirmed before it changed) */
  confirmed: { by: string; on: string } | null
}

/**
 * The review body of an agency (行政复议法 2023 第二十四至二十八条, decision 0010): an administrator's explicit choice,
 * else the rule over the agency's kind and its parents, else (departments without a parent only) the people's
 * government its name places it under, shown as unconfirmed.
 */
export async function agencyReviewBody(db: Kysely<Database>, agency: Agency): Promise<AgencyReviewBody> {
  const kind = agency.settings.kind ?? suggestAgencyKind(agency.name)
  const ancestors = (await agencyAncestors(db, agency.id)).map((a) => ({
    name: a.name,
    kind: a.settings.kind ?? suggestAgencyKind(a.name),
  }))
  const derived = reviewBodyOf({ name: agency.name, kind }, ancestors)
  const configured = agency.settings.remedies?.reviewBody
  const byName = kind === 'department' || kind === 'justiceDepartment' ? governmentFromName(agency.name) : null
  const [body, source] = configured
    ? ([configured, 'configured'] as const)
    : derived.body
      ? ([derived.body, 'hierarchy'] as const)
      : byName
        ? ([byName, 'name'] as const)
        : ([null, 'none'] as const)
  const c = agency.settings.remedies?.confirmed
  return {
    kind,
    kindSet: agency.settings.kind !== undefined,
    body,
    article: derived.article,
    source,
    ...(derived.missing && source !== 'configured' && source !== 'hierarchy' ? { missing: derived.missing } : {}),
    confirmed: c && body !== null && c.body === body ? { by: c.by, on: c.on } : null,
  }
}
