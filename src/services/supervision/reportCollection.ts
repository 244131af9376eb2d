import { suggestAgencyKind } from '../../domain/agency/agencyKind.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { calendarDay } from '../../domain/calendar/calendarDay.js'
import { reportDueDate } from '../../domain/report/deadline.js'
import type { AnnualReport, Finding } from '../../domain/report/model.js'
import { annualReportSchema } from '../../domain/report/modelSchema.js'
import { auditReport } from '../../audit/audit.js'
import { collectionXlsx } from '../../export/collectionXlsx.js'
import { reportHtml } from '../../export/reportHtml.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { listSnapshots } from '../../store/reportEntryRepo.js'
import { listElsewhereReports } from '../../store/supervisionRepo.js'
import type { Actor } from '../actor.js'
import { generateReport } from '../report/generateReport.js'
import type { AgencyFigures } from './agencyFigures.js'
import { figuresOfReport } from './agencyFigures.js'
import type { ScopedAgency } from './supervisionScope.js'
import { supervisionScope } from './supervisionScope.js'

export type CollectionStatus = 'published' | 'elsewhere' | 'generated' | 'missing'

export const COLLECTION_STATUS_LABELS: Record<CollectionStatus, string> = {
  published: '已在平台发布',
  elsewhere: '已在平台外发布（上传或链接）',
  generated: '已生成，尚未发布',
  missing: '逾期未发布',
}

export interface CollectedReport {
  agency: ScopedAgency
  status: CollectionStatus
  /** 条例第四十九条: 31 January, 31 March for a people's government (domain/report/deadline.ts) */
  due: CalendarDay
  publishedOn: CalendarDay | null
  late: boolean
  url: string | null
  /** the auditor's findings on the report as published (or as generated, while it is not) */
  findings: Finding[]
  /** what the agency's records give (its own report as generated now) */
  records: AgencyFigures
  /** what its published report states (null: nothing published on the platform or uploaded) */
  stated: AgencyFigures | null
}

export interface ReportCollection {
  year: number
  root: ScopedAgency
  reports: CollectedReport[]
  /** the subtree's tables 三 and 四 summed from records, and from the published reports */
  sums: { records: SumLine; published: SumLine }
}

export interface SumLine {
  received: number
  answered: number
  outcomes: Record<string, number>
  reviewsDecided: number
  reviewsCorrected: number
  lawsuitsDecided: number
  lawsuitsCorrected: number
}

function sumOf(list: readonly AgencyFigures[]): SumLine {
  const out: SumLine = {
    received: 0,
    answered: 0,
    outcomes: {},
    reviewsDecided: 0,
    reviewsCorrected: 0,
    lawsuitsDecided: 0,
    lawsuitsCorrected: 0,
  }
  for (const f of list) {
    out.received += f.received
    out.answered += f.answered
    for (const [k, v] of Object.entries(f.outcomes)) out.outcomes[k] = (out.outcomes[k] ?? 0) + v
    out.reviewsDecided += f.reviews.decided
    out.reviewsCorrected += f.reviews.corrected
    out.lawsuitsDecided += f.lawsuits.decided
    out.lawsuitsCorrected += f.lawsuits.corrected
  }
  return out
}

const statedFigures = (agencyId: number, model: AnnualReport) =>
  figuresOfReport(agencyId, model, { overdueNow: 0, proactive: 0 })

/**
 * The annual reports of `year` across the actor's subtree: where each stands (published on the platform,
 * published elsewhere, generated only, or missing after its deadline), the auditor's findings on it, and the
 * subtree's tables 三 and 四 from records against the sum of what the reports state.
 */
export async function reportCollection(props: {
  store: Store
  actor: Actor
  rootId?: number | null
  year: number
  today: CalendarDay
}): Promise<ReportCollection> {
  const { store, year, today } = props
  const scope = await supervisionScope(store, props.actor, props.rootId)
  const kinds = new Map((await listAgencies(store.db)).map((a) => [a.id, a.settings.kind ?? suggestAgencyKind(a.name)]))
  const elsewhere = await listElsewhereReports(store.db, year)
  const reports: CollectedReport[] = []
  for (const agency of scope.agencies) {
    const due = reportDueDate(year, kinds.get(agency.id) ?? suggestAgencyKind(agency.name))
    const generated = await generateReport(store, { agency: agency.id, year })
    const records = statedFigures(agency.id, generated)
    const snapshot = (await listSnapshots(store.db, agency.id, year))[0]
    const other = elsewhere.get(agency.id)
    if (snapshot) {
      const model = annualReportSchema.parse(JSON.parse(snapshot.model))
      const publishedOn = calendarDay(snapshot.publishedAt.slice(0, 10))
      reports.push({
        agency,
        status: 'published',
        due,
        publishedOn,
        late: publishedOn > due,
        url: `/console/reports/${agency.id}/${year}`,
        findings: auditReport(snapshot.html).findings,
        records,
        stated: statedFigures(agency.id, model),
      })
    } else if (other) {
      const parsed = other.text ? auditReport(other.text) : null
      const publishedOn = calendarDay(other.recordedAt.slice(0, 10))
      reports.push({
        agency,
        status: 'elsewhere',
        due,
        publishedOn,
        late: publishedOn > due,
        url: other.url || null,
        findings: parsed?.findings ?? [],
        records,
        stated: parsed ? statedFigures(agency.id, parsed) : null,
      })
    } else {
      reports.push({
        agency,
        status: today > due ? 'missing' : 'generated',
        due,
        publishedOn: null,
        late: today > due,
        url: null,
        findings: auditReport(reportHtml(generated)).findings,
        records,
        stated: null,
      })
    }
  }
  return {
    year,
    root: scope.root,
    reports,
    sums: {
      records: sumOf(reports.map((r) => r.records)),
      published: sumOf(reports.flatMap((r) => (r.stated ? [r.stated] : []))),
    },
  }
}

const sumColumns = (s: SumLine, groups: readonly string[]) => [
  s.received,
  s.answered,
  ...groups.map((g) => s.outcomes[g] ?? 0),
  s.reviewsDecided,
  s.reviewsCorrected,
  s.lawsuitsDecided,
  s.lawsuitsCorrected,
]

/** The collection as a workbook (XLSX). */
export async function reportCollectionXlsx(props: {
  store: Store
  actor: Actor
  rootId?: number | null
  year: number
  today: CalendarDay
}): Promise<{ fileName: string; body: Buffer }> {
  const c = await reportCollection(props)
  const groups = Object.keys(c.sums.records.outcomes)
  const body = await collectionXlsx({
    title: `${c.root.name}及所属单位${c.year}年度政府信息公开工作年度报告收集情况`,
    lines: c.reports.map((r) => ({
      agency: r.agency.name,
      status: COLLECTION_STATUS_LABELS[r.status],
      due: r.due,
      publishedOn: r.publishedOn ?? '',
      late: r.late,
      findings: r.findings.length,
      findingText: r.findings.map((f) => f.message).join('；'),
      received: r.records.received,
      answered: r.records.answered,
      statedReceived: r.stated?.received ?? null,
      statedAnswered: r.stated?.answered ?? null,
    })),
    sumHeader: ['收到申请', '办结', ...groups, '复议结案', '复议纠正', '诉讼结案', '诉讼纠正'],
    sums: {
      label: `${c.root.name}及所属单位合计`,
      records: sumColumns(c.sums.records, groups),
      published: sumColumns(c.sums.published, groups),
    },
  })
  return { fileName: `${c.year}年度报告收集情况.xlsx`, body }
}
