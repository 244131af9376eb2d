import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { CellChange } from '../../domain/report/diff.js'
import { diffReports } from '../../domain/report/diff.js'
import { annualReportSchema } from '../../domain/report/modelSchema.js'
import { publicationBlockers } from '../../domain/report/readiness.js'
import type { AnnualReport, ReportFormat } from '../../domain/report/model.js'
import { reportHtml } from '../../export/reportHtml.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { SnapshotRow } from '../../store/reportEntryRepo.js'
import { insertSnapshot, listSnapshots, lockReportYear } from '../../store/reportEntryRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { generateReport, resolveAgency } from './generateReport.js'
import { putReportOnPortal } from './publishToPortal.js'

export interface PublishedVersion {
  version: number
  note: string
  publishedBy: string
  publishedAt: string
  model: AnnualReport
}

/**
 * Publishes an agency's report for a year: stores the model and its printable HTML as a new version. Later
 * edits of that year's records change only fresh computations, never a published version; a correction is a
 * new version and must say why. A report with a section unwritten or a failed check is refused with each reason
 * (domain/report/readiness.ts), unless the publisher overrides with a reason, which the audit entry keeps
 * (docs/decisions/0014-report-fit-to-publish.md).
 */
export async function publishReport(props: {
  store: Store
  actor: Actor
  agency: string | number
  year: number
  format?: ReportFormat | undefined
  /** the publisher's name, kept with the version */
  by: string
  note?: string
  /** publish although the report is not fit to: why (kept in the audit chain) */
  override?: string
  /** the day the report's page goes up on the portal (the application's today); else the day of publishing */
  today?: CalendarDay
}): Promise<PublishedVersion & { overridden: string[] }> {
  const { store, actor, ...input } = props
  if (!input.by.trim()) throw new ValidationError([{ field: 'by', message: '请填写发布人' }])
  const agency = await resolveAgency(store.db, input.agency)
  authorize(actor, 'case.decide', { agencyId: agency.id })
  const model = await generateReport(store, {
    agency: agency.id,
    year: input.year,
    ...(input.format ? { format: input.format } : {}),
  })
  const blockers = publicationBlockers(model)
  const override = (input.override ?? '').trim()
  if (blockers.length && !override)
    throw new ValidationError(blockers.map((b) => ({ field: b.field, message: `不能发布：${b.message}` })))
  return store.db.transaction().execute(async (trx) => {
    await lockReportYear(trx, agency.id, input.year)
    const previous = await listSnapshots(trx, agency.id, input.year)
    const note = (input.note ?? '').trim()
    if (previous.length > 0 && !note)
      throw new ValidationError([{ field: 'note', message: '该年度报告已发布，更正发布须写明更正说明' }])
    const version = previous.length + 1
    const publishedAt = nowIso()
    await insertSnapshot(trx, {
      agencyId: agency.id,
      year: input.year,
      version,
      format: model.format,
      model: JSON.stringify(model),
      html: reportHtml(model),
      note,
      publishedBy: input.by.trim(),
      publishedAt,
    })
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'report.publish',
      targetType: 'report',
      targetId: `${agency.id}/${input.year}`,
      detail: { version, format: model.format, note },
    })
    // after a successful publish: the version becomes (or replaces) the report's page on the portal
    await putReportOnPortal(trx, { store, actor, agencyId: agency.id, model, publishedAt, today: input.today })
    if (blockers.length)
      await appendAudit(trx, {
        ...auditActor(actor),
        action: 'report.publishOverride',
        targetType: 'report',
        targetId: `${agency.id}/${input.year}`,
        detail: { version, reason: override, blockers: blockers.map((b) => b.message) },
      })
    const overridden = blockers.map((b) => b.message)
    return { version, note, publishedBy: input.by.trim(), publishedAt, model, overridden }
  })
}

function versionOf(s: SnapshotRow): PublishedVersion {
  return {
    version: s.version,
    note: s.note,
    publishedBy: s.publishedBy,
    publishedAt: s.publishedAt,
    model: annualReportSchema.parse(JSON.parse(s.model)),
  }
}

export async function publishedVersions(
  store: Store,
  agency: string | number,
  year: number,
): Promise<PublishedVersion[]> {
  const a = await resolveAgency(store.db, agency)
  return (await listSnapshots(store.db, a.id, year)).map(versionOf)
}

/** The stored HTML of a published version (as it was published), or undefined. */
export async function publishedHtml(
  store: Store,
  agency: string | number,
  year: number,
  version: number,
): Promise<string | undefined> {
  const a = await resolveAgency(store.db, agency)
  return (await listSnapshots(store.db, a.id, year)).find((s) => s.version === version)?.html
}

/** The cells in which the latest published version differs from a fresh computation of the same format. */
export async function changesSincePublished(
  store: Store,
  agency: string | number,
  year: number,
): Promise<{ latest: PublishedVersion; changes: CellChange[] } | null> {
  const versions = await publishedVersions(store, agency, year)
  const latest = versions[versions.length - 1]
  if (!latest) return null
  const fresh = await generateReport(store, { agency, year, format: latest.model.format })
  return { latest, changes: diffReports(latest.model, fresh) }
}
