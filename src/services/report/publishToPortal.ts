import type { Kysely } from 'kysely'
import { shanghaiDay } from '../../domain/calendar/calendarDay.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { bodyText, sanitizeBody } from '../../domain/catalog/body.js'
import { STANDARD_COLUMNS } from '../../domain/catalog/columns.js'
import { formatIndexNo, serialWidthOf } from '../../domain/catalog/indexNo.js'
import type { Actor as CatalogActor } from '../../domain/catalog/workflow.js'
import type { AnnualReport } from '../../domain/report/model.js'
import { reportFileName, type ReportFileKind } from '../../export/reportFile.js'
import { reportTitle } from '../../export/reportGrid.js'
import { reportPageBodyHtml } from '../../export/reportHtml.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { appendDocumentEvent, listColumns, nextIndexSerial } from '../../store/catalogRepo.js'
import type { SnapshotRow } from '../../store/reportEntryRepo.js'
import { listSnapshots } from '../../store/reportEntryRepo.js'
import type { Database } from '../../store/schema.js'
import type { Actor } from '../actor.js'
import { reindex } from '../catalog/publishDocument.js'

// 《政府信息公开条例》第五十条: the annual report is published on the agency's portal. A published version becomes
// the page of that year's report in the agency's 政府信息公开年报 column (国办公开办函〔2019〕61号); a correction
// replaces the page's content (same address) and the page says what was corrected and when
// (docs/decisions/0024-report-on-portal.md).

const ANNUAL = STANDARD_COLUMNS.find((c) => c.kind === 'annual')

/** The files of a published report the portal offers, in the order its page lists them. */
const PORTAL_REPORT_FILES: readonly { kind: ReportFileKind; label: string }[] = [
  { kind: 'docx', label: 'Word（DOCX）' },
  { kind: 'xlsx', label: 'Excel（XLSX）' },
  { kind: 'pdf', label: 'PDF' },
  { kind: 'html', label: '打印版（HTML）' },
]

/** Where the portal serves a file of an agency's latest published report of a year. */
function portalReportFileUrl(agencyCode: string, year: number, kind: ReportFileKind): string {
  return `/xxgk/${encodeURIComponent(agencyCode)}/annual-reports/${year}/report.${kind}`
}

/** The page's content: which version it is, every correction with its note, the downloads, then the report. */
function portalBody(model: AnnualReport, agencyCode: string, versions: SnapshotRow[], today: CalendarDay): string {
  const latest = versions[versions.length - 1]
  // the version being published goes up today; earlier ones on the day they were published
  const day = (v: SnapshotRow) => (v === latest ? today : shanghaiDay(new Date(v.publishedAt)))
  const html = reportPageBodyHtml(model, {
    version: latest?.version ?? 1,
    publishedOn: today,
    corrections: versions
      .filter((v) => v.version > 1)
      .map((v) => ({ version: v.version, publishedOn: day(v), note: v.note })),
    downloads: PORTAL_REPORT_FILES.map((f) => ({
      href: portalReportFileUrl(agencyCode, model.year, f.kind),
      name: reportFileName(model, f.kind),
      label: f.label,
    })),
  })
  return sanitizeBody(html)
}

/** The agency's 政府信息公开年报 column, made if the agency has none yet. */
async function annualColumn(trx: Kysely<Database>, agencyId: number): Promise<number> {
  const columns = await listColumns(trx, agencyId)
  const found = columns.find((c) => c.kind === 'annual' && c.parent_id === null)
  if (found) return Number(found.id)
  // the four standard columns are data in the domain: the annual one is always among them
  if (!ANNUAL) throw new Error('STANDARD_COLUMNS has no annual-report column')
  const row = await trx
    .insertInto('catalog_columns')
    .values({
      agency_id: agencyId,
      parent_id: null,
      slug: ANNUAL.slug,
      name: ANNUAL.name,
      kind: 'annual',
      art20: null,
      sort: columns.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/**
 * Puts a just-published version of a report on the portal, in the transaction that published it: the first
 * version becomes a public document of the 政府信息公开年报 column (with its 索引号), each later one replaces that
 * document's content, correction notes shown. Returns the document's id.
 */
export async function putReportOnPortal(
  trx: Kysely<Database>,
  props: {
    store: Store
    actor: Actor
    agencyId: number
    model: AnnualReport
    publishedAt: string
    /** the day the page is public from (the application's today); else the Beijing day of `publishedAt` */
    today?: CalendarDay | undefined
  },
): Promise<number> {
  const { model, agencyId } = props
  const agency = await findAgencyById(trx, agencyId)
  // the caller resolved this agency in the same transaction
  if (!agency) throw new Error(`no agency ${agencyId}`)
  const versions = await listSnapshots(trx, agencyId, model.year)
  const latest = versions[versions.length - 1]
  const today: CalendarDay = props.today ?? shanghaiDay(new Date(props.publishedAt))
  const columnId = await annualColumn(trx, agencyId)
  const title = reportTitle(model)
  const html = portalBody(model, agency.code, versions, today)
  const p = props.actor.principal
  const actor: CatalogActor = {
    userId: p?.userId ?? null,
    name: props.actor.username,
    role: p?.roles[0] ?? '',
    ip: props.actor.ip,
  }
  const now = nowIso()
  const existing = await trx
    .selectFrom('documents')
    .select(['id'])
    .where('agency_id', '=', agencyId)
    .where('column_id', '=', columnId)
    .where('title', '=', title)
    .where('status', '=', 'published')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (existing) {
    const id = Number(existing.id)
    await trx
      .updateTable('documents')
      .set({ body_html: html, body_text: bodyText(html), updated_at: now })
      .where('id', '=', id)
      .execute()
    await appendDocumentEvent(trx, id, actor, {
      kind: 'edited',
      comment: `年度报告第${latest?.version ?? 1}版发布，替换页面内容${latest?.note ? `：${latest.note}` : ''}`,
      onDay: today,
      data: { report: { year: model.year, version: latest?.version ?? 1 } },
    })
    await reindex(trx, props.store, id)
    return id
  }
  const year = Number(today.slice(0, 4))
  const indexNo = formatIndexNo(
    agency.code,
    year,
    await nextIndexSerial(trx, agencyId, year),
    serialWidthOf(agency.settings),
  )
  const row = await trx
    .insertInto('documents')
    .values({
      agency_id: agencyId,
      column_id: columnId,
      index_no: indexNo,
      title,
      body_html: html,
      body_text: bodyText(html),
      doc_no: null,
      formed_on: today,
      published_on: today,
      topic: '',
      genre: `${model.year}年度`,
      disclosure: 'active',
      validity: 'valid',
      validity_on: null,
      publisher: agency.name,
      source: agency.name,
      art20: null,
      major: 0,
      interprets_id: null,
      requires_interpretation: 0,
      status: 'published',
      step: null,
      late: 0,
      views: 0,
      withdrawn_on: null,
      withdraw_reason: null,
      created_by: props.actor.username,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const id = Number(row.id)
  await trx.insertInto('document_channels').values({ document_id: id, channel: 'portal', on_day: today }).execute()
  await appendDocumentEvent(trx, id, actor, {
    kind: 'published',
    comment: `年度报告第${latest?.version ?? 1}版发布`,
    onDay: today,
    data: { indexNo, publishedOn: today, report: { year: model.year, version: latest?.version ?? 1 } },
  })
  await reindex(trx, props.store, id)
  return id
}
