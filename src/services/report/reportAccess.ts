import type { Permission } from '../../domain/auth/permissions.js'
import { can } from '../../domain/auth/permissions.js'
import { formatForYear } from '../../domain/report/formats/index.js'
import type { ReportFormat } from '../../domain/report/model.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { NotFoundError } from '../errors.js'

/** An agency's report of a year, in a format, as a request names it. */
export interface ReportTarget {
  agencyId: number
  year: number
  format: ReportFormat
}

/** The years a report can be made for. */
function isReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2008 && year <= 2100
}

/**
 * The report an actor asks for, once they may `permission` on its agency: the format given, else the year's.
 * An agency the actor may not see is answered as one that does not exist (`what`: 报告, 图表).
 */
export async function reportTarget(props: {
  store: Store
  actor: Actor
  permission: Permission
  agency: number
  year: number
  format?: ReportFormat | undefined
  what?: string
}): Promise<ReportTarget> {
  const what = props.what ?? '报告'
  const agency = isReportYear(props.year) ? await findAgencyById(props.store.db, props.agency) : undefined
  const p = props.actor.principal
  if (!agency || !p || !can(p, props.permission, { agencyId: agency.id })) throw new NotFoundError(what)
  return { agencyId: agency.id, year: props.year, format: props.format ?? formatForYear(props.year) }
}
