import { can, listScope } from '../../domain/auth/permissions.js'
import { yearOf } from '../../domain/calendar/calendarDay.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { CellChange } from '../../domain/report/diff.js'
import { figureKeysOf } from '../../domain/report/figureKeys.js'
import type { AnnualReport, ReportFormat } from '../../domain/report/model.js'
import type { PublicationBlocker } from '../../domain/report/readiness.js'
import { publicationBlockers } from '../../domain/report/readiness.js'
import { isReportFileKind, renderReportFile, REPORT_FILES, reportFileName } from '../../export/reportFile.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { NotFoundError } from '../errors.js'
import { auditAccess } from '../auditLog.js'
import type { FigureWithHistory } from './figures.js'
import { figureHistory } from './figures.js'
import { generateReport } from './generateReport.js'
import type { PublishedVersion } from './publishReport.js'
import { changesSincePublished, publishedHtml, publishedVersions } from './publishReport.js'
import { reportTarget } from './reportAccess.js'
import type { ReportTarget } from './reportAccess.js'
import { reportChartSvg } from './reportChart.js'

/** Which report a staff URL names: agency id, year and (optionally) format. */
export interface ReportRequest {
  store: Store
  actor: Actor
  agency: number
  year: number
  format?: ReportFormat | undefined
  /** the application's today (a published report's page on the portal is dated by it) */
  today?: CalendarDay | undefined
}

/** The agencies whose reports the actor may read, and the recent years to pick from. */
export async function reportIndex(props: { store: Store; actor: Actor; today: CalendarDay }) {
  const scope = props.actor.principal ? listScope(props.actor.principal, 'case.read') : null
  const all = await listAgencies(props.store.db)
  const agencies = all
    .filter((a) => scope && (scope.allAgencies || scope.agencyIds.includes(a.id)))
    .map((a) => ({ id: a.id, name: a.name }))
  const last = yearOf(props.today) - 1
  return { agencies, years: Array.from({ length: 7 }, (_, i) => last - i) }
}

export interface ReportPageData {
  agencyId: number
  model: AnnualReport
  figures: FigureWithHistory[]
  figureKeys: [string, string][]
  versions: PublishedVersion[]
  /** cells changed since the latest published version; null when none was published */
  changes: CellChange[] | null
  /** what stands between the report and its publication (empty = fit to publish) */
  blockers: PublicationBlocker[]
  canEdit: boolean
}

/** Everything the staff report page shows of a report the actor may read. */
export async function reportPageData(props: ReportRequest): Promise<ReportPageData> {
  const t = await reportTarget({ ...props, permission: 'case.read' })
  return pageDataOf(props.store, props.actor, t)
}

/** The page of a report already checked (after a change the page shows it again). */
async function pageDataOf(store: Store, actor: Actor, t: ReportTarget): Promise<ReportPageData> {
  const model = await generateReport(store, { agency: t.agencyId, year: t.year, format: t.format })
  const versions = await publishedVersions(store, t.agencyId, t.year)
  const changes = versions.length ? ((await changesSincePublished(store, t.agencyId, t.year))?.changes ?? null) : null
  return {
    agencyId: t.agencyId,
    model,
    figures: await figureHistory(store, t.agencyId, t.year),
    figureKeys: figureKeysOf(t.format),
    versions,
    changes,
    blockers: publicationBlockers(model),
    canEdit: actor.principal !== null && can(actor.principal, 'case.decide', { agencyId: t.agencyId }),
  }
}

/** A report as a file to download (or, HTML, to view): its bytes, content type and name. */
export async function exportReport(props: ReportRequest & { kind: string }) {
  const t = await reportTarget({ ...props, permission: 'case.read' })
  const kind = props.kind
  if (!isReportFileKind(kind)) throw new NotFoundError('导出格式')
  const model = await generateReport(props.store, { agency: t.agencyId, year: t.year, format: t.format })
  const body = await renderReportFile(model, kind)
  await auditAccess(props.store.db, props.actor, 'report.export', {
    type: 'report',
    id: `${t.agencyId}:${t.year}`,
    detail: { kind, format: t.format },
  })
  return { body, ...REPORT_FILES[kind], fileName: reportFileName(model, kind) }
}

/** The agency's year-over-year chart (SVG) up to `year` (by default the last full year). */
export async function reportChart(props: {
  store: Store
  actor: Actor
  today: CalendarDay
  agency: number
  year?: number | undefined
}): Promise<string> {
  const year = props.year ?? yearOf(props.today) - 1
  const t = await reportTarget({ ...props, year, permission: 'case.read', what: '图表' })
  return reportChartSvg(props.store, t.agencyId, t.year)
}

/** The HTML of a published version, as it was published. */
export async function publishedVersionHtml(props: ReportRequest & { version: number }): Promise<string> {
  const t = await reportTarget({ ...props, permission: 'case.read' })
  const html = await publishedHtml(props.store, t.agencyId, t.year, props.version)
  if (!html) throw new NotFoundError('该版本')
  return html
}
