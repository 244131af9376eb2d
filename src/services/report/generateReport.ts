import type { Kysely } from 'kysely'
import type { AgencyKind } from '../../domain/agency/agencyKind.js'
import { suggestAgencyKind } from '../../domain/agency/agencyKind.js'
import { buildReport } from '../../domain/report/build.js'
import { emptyReviewFacts } from '../../domain/report/facts.js'
import { formatDef, formatForYear } from '../../domain/report/formats/index.js'
import type { AnnualReport, DataNote, ReportFormat } from '../../domain/report/model.js'
import { draftNarrative } from '../../domain/report/narrative.js'
import { isPeoplesGovernment } from '../../domain/report/deadline.js'
import { findAgencyByCodeOrName, findAgencyById, listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import {
  aggregateApplications,
  aggregateCatalog,
  aggregateNormativeDocuments,
  aggregateReviews,
  countImportWarnings,
} from '../../store/reportRepo.js'
import { figuresInForce, listFigures, loadNarrative } from '../../store/reportEntryRepo.js'
import type { Database } from '../../store/schema.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { assembleFacts } from '../../domain/interaction/assemble.js'
import { readInteractionRows } from '../../store/interactionFactsRepo.js'
import { serviceItemCounts } from '../serviceItems/serviceItemPages.js'

export interface AgencyRef {
  id: number
  name: string
  code: string
  /** as an administrator set it, else as its name suggests (agencyKind.ts) */
  kind: AgencyKind
}

/** An agency by id, 统一社会信用代码 or exact name. */
export async function resolveAgency(db: Kysely<Database>, ref: string | number): Promise<AgencyRef> {
  const row = typeof ref === 'number' ? await findAgencyById(db, ref) : await findAgencyByCodeOrName(db, ref)
  if (!row) throw new NotFoundError(`该机关（${ref}）`)
  return { id: row.id, name: row.name, code: row.code, kind: row.settings.kind ?? suggestAgencyKind(row.name) }
}

/** What the catalog holds for the format: 表二 第二十条第（一）项 of a national form, or the 统计表's publication items. */
function catalogFacts(
  db: Kysely<Database>,
  format: ReportFormat,
  year: number,
  agencyIds: readonly number[] | null,
): Promise<Map<number, Record<string, number>>> {
  const table = formatDef(format).table
  if (!table) return aggregateCatalog(db, year, agencyIds)
  const art20_1 = table.proactive.find((b) => b.key === 'art20_1')
  return aggregateNormativeDocuments(db, year, agencyIds, art20_1?.columns.map((c) => c.key) ?? [])
}

/** The year's cases that a ledger import marked: counted in the report's check, not an error of its tables. */
function importNote(count: number): DataNote {
  return {
    rule: 'data.importWarnings',
    count,
    message: `本年度办结的申请中有${count}件由台账导入时缺少信息（如逾期不补正的申请未填写补正告知日期），表格照常计算；请在案件页核对“导入提示”`,
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    throw new ValidationError([{ field: 'year', message: '年度应为2008年至2100年之间的整数' }])
}

/**
 * The annual report of one agency and year, computed from its records in one pass of SQL per table, with its
 * entered figures and narrative (the generated draft where staff wrote none), and its check findings.
 */
export async function generateReport(
  store: Store,
  input: { agency: string | number; year: number; format?: ReportFormat },
): Promise<AnnualReport> {
  checkYear(input.year)
  const format = input.format ?? formatForYear(input.year)
  return store.db.transaction().execute(async (trx) => {
    const agency = await resolveAgency(trx, input.agency)
    const counts = await aggregateApplications(trx, input.year, [agency.id], {
      legacy: formatDef(format).countsChannelsAndTopics,
    })
    const reviews = await aggregateReviews(trx, input.year, [agency.id])
    const figures = figuresInForce(await listFigures(trx, input.year, agency.id))
    const catalog = await catalogFacts(trx, format, input.year, [agency.id])
    const interaction = assembleFacts(await readInteractionRows(trx, input.year, [agency.id]), agency.id, () => true)
    const facts = {
      byKind: counts.get(agency.id) ?? {},
      reviews: reviews.get(agency.id) ?? emptyReviewFacts(),
      figures,
      catalog: catalog.get(agency.id) ?? {},
      interaction,
    }
    const model = buildReport({ format, year: input.year, agency: { name: agency.name, code: agency.code }, facts })
    const imported = await countImportWarnings(trx, input.year, agency.id)
    if (imported > 0) model.dataNotes = [importNote(imported)]
    const written = await loadNarrative(trx, agency.id, input.year)
    // the draft speaks of the catalog's year whatever the format's tables count
    const published = (await aggregateCatalog(trx, input.year, [agency.id])).get(agency.id)
    const draft = draftNarrative(model, {
      ...(published ? { catalog: published } : {}),
      peoplesGovernment: isPeoplesGovernment(agency.kind),
      interaction,
      serviceItems: await serviceItemCounts(trx, agency.id),
    })
    model.narrative = {
      overview: written.overview ?? draft.overview,
      problems: written.problems ?? draft.problems,
      other: written.other ?? draft.other,
    }
    return model
  })
}

/**
 * Every agency's report for a year at once (supervisors, the benchmark): the same two aggregates, grouped by
 * agency, and one read of the entered figures.
 */
export async function generateAllReports(store: Store, year: number, format?: ReportFormat): Promise<AnnualReport[]> {
  checkYear(year)
  const f = format ?? formatForYear(year)
  const agencies = await listAgencies(store.db)
  const counts = await aggregateApplications(store.db, year, null, { legacy: formatDef(f).countsChannelsAndTopics })
  const reviews = await aggregateReviews(store.db, year, null)
  const catalog = await catalogFacts(store.db, f, year, null)
  const interactionRows = await readInteractionRows(store.db, year, null)
  const entries = await listFigures(store.db, year, null)
  const byAgency = new Map<number, typeof entries>()
  for (const e of entries) byAgency.set(e.agencyId, [...(byAgency.get(e.agencyId) ?? []), e])
  return agencies.map((a) => {
    const id = a.id
    return buildReport({
      format: f,
      year,
      agency: { name: a.name, code: a.code },
      facts: {
        byKind: counts.get(id) ?? {},
        reviews: reviews.get(id) ?? emptyReviewFacts(),
        figures: figuresInForce(byAgency.get(id) ?? []),
        catalog: catalog.get(id) ?? {},
        interaction: assembleFacts(interactionRows, id, () => true),
      },
    })
  })
}
