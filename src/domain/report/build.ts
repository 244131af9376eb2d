import { APPLICANT_KIND_CODES, CHANNELS, TOPICS } from '../application/applicant.js'
import { ANSWER_KINDS, OUTCOME_CODES } from '../application/outcomes.js'
import type { OutcomeCode } from '../application/outcomes.js'
import { checkReport } from './check.js'
import type { KindCounts, ReportFacts, ReviewKind } from './facts.js'
import { formatDef } from './formats/index.js'
import {
  LEGACY_ANSWER_KIND_KEYS,
  LEGACY_ANSWER_OF_OUTCOME,
  LEGACY_CHANNEL_KEYS,
  LEGACY_ITEMS,
} from './formats/legacy.js'
import type { TableFormat } from './formats/types.js'
import { interactionLegacyItems } from '../interaction/legacyRows.js'
import { emptyInteractionFacts } from '../interaction/yearFacts.js'
import type {
  AnnualReport,
  ApplicationsTable,
  Cell,
  ReportFormat,
  ReviewCounts,
  ReviewsAndLawsuits,
  Row7,
} from './model.js'
import { APPLICATION_COLUMNS } from './model.js'

export interface BuildInput {
  format: ReportFormat
  year: number
  agency: { name: string; code?: string }
  facts: ReportFacts
  narrative?: AnnualReport['narrative']
}

/** A 7-cell row: one number per applicant kind, then their sum. */
function row7(facts: ReportFacts, value: (c: KindCounts) => number): Row7 {
  // plain loops: supervisors and the benchmark build ten thousand reports at once
  const cells: number[] = []
  let total = 0
  for (const k of APPLICANT_KIND_CODES) {
    const c = facts.byKind[k]
    const v = c ? value(c) : 0
    cells.push(v)
    total += v
  }
  cells.push(total)
  return cells
}

function sumAll(facts: ReportFacts, value: (c: KindCounts) => number): number {
  return row7(facts, value)[6] ?? 0
}

const outcomeIndex = (code: OutcomeCode) => OUTCOME_CODES.indexOf(code)
const outcomeOf = (c: KindCounts, code: OutcomeCode) => c.outcomes[outcomeIndex(code)] ?? 0

/** 表三 from the counts: every row is a sum over the outcomes it stands for. */
function applicationsTable(table: TableFormat, facts: ReportFacts): ApplicationsTable {
  const r = (code: OutcomeCode) => row7(facts, (c) => outcomeOf(c, code))
  const otherCodes = OUTCOME_CODES.filter((o) => o.startsWith('other.'))
  return {
    columns: [...APPLICATION_COLUMNS],
    newReceived: row7(facts, (c) => c.newReceived),
    carriedOver: row7(facts, (c) => c.carriedOver),
    results: {
      disclosed: r('disclosed'),
      partiallyDisclosed: r('partiallyDisclosed'),
      withheld: {
        stateSecret: r('withheld.stateSecret'),
        prohibitedByLaw: r('withheld.prohibitedByLaw'),
        securityStability: r('withheld.securityStability'),
        thirdPartyRights: r('withheld.thirdPartyRights'),
        internalAffairs: r('withheld.internalAffairs'),
        processInformation: r('withheld.processInformation'),
        enforcementFiles: r('withheld.enforcementFiles'),
        administrativeQuery: r('withheld.administrativeQuery'),
      },
      unableToProvide: {
        notHeld: r('unableToProvide.notHeld'),
        needsCreation: r('unableToProvide.needsCreation'),
        unclearAfterSupplement: r('unableToProvide.unclearAfterSupplement'),
      },
      notProcessed: {
        petitionOrComplaint: r('notProcessed.petitionOrComplaint'),
        duplicate: r('notProcessed.duplicate'),
        publication: r('notProcessed.publication'),
        excessiveRepeated: r('notProcessed.excessiveRepeated'),
        confirmOrReissue: r('notProcessed.confirmOrReissue'),
      },
      other: table.foldsOtherResults
        ? { other: row7(facts, (c) => otherCodes.reduce((s, o) => s + outcomeOf(c, o), 0)) }
        : { noSupplement: r('other.noSupplement'), unpaidFee: r('other.unpaidFee'), other: r('other.other') },
      total: row7(facts, (c) => c.outcomes.reduce((a, b) => a + b, 0)),
    },
    carriedForward: row7(facts, (c) => c.carriedForward),
  }
}

/** 表四: per kind, decided in the year by result, pending at year end, and the total. */
function reviewsTable(facts: ReportFacts): ReviewsAndLawsuits {
  const counts = (k: ReviewKind): ReviewCounts => {
    const f = facts.reviews[k]
    return {
      upheld: f.upheld,
      corrected: f.corrected,
      other: f.other,
      pending: f.pending,
      total: f.upheld + f.corrected + f.other + f.pending,
    }
  }
  return {
    review: counts('review'),
    lawsuitDirect: counts('lawsuitDirect'),
    lawsuitAfterReview: counts('lawsuitAfterReview'),
  }
}

/**
 * 表二 of a national format: each cell (proactive.<block>.<row>.<column>) the figure staff entered, else what
 * the catalog holds (第二十条第（一）项), else blank.
 */
function proactiveTable(
  table: TableFormat,
  figures: ReportFacts['figures'],
  catalog: ReportFacts['catalog'] = {},
): NonNullable<AnnualReport['proactive']> {
  const out: NonNullable<AnnualReport['proactive']> = {}
  for (const [blockKey, rowKey, colKey, key] of proactiveCells(table)) {
    const rows = (out[blockKey] ??= {})
    const cells = (rows[rowKey] ??= {})
    cells[colKey] = figures[key] !== undefined ? (figures[key] ?? null) : (catalog[key] ?? null)
  }
  return out
}

const PROACTIVE_CELLS = new Map<TableFormat, [string, string, string, string][]>()
/** 表二's cells of a format in table order as [block, row, column, figure key], listed once per format. */
function proactiveCells(table: TableFormat): [string, string, string, string][] {
  let cells = PROACTIVE_CELLS.get(table)
  if (!cells) {
    cells = table.proactive.flatMap((b) =>
      b.rows.flatMap((r) =>
        b.columns.map((c): [string, string, string, string] => [
          b.key,
          r.key,
          c.key,
          `proactive.${b.key}.${r.key}.${c.key}`,
        ]),
      ),
    )
    PROACTIVE_CELLS.set(table, cells)
  }
  return cells
}

/** The 统计表's items: those records hold are computed; the rest are the figures staff entered. */
function legacyItems(facts: ReportFacts): Record<string, Cell> {
  const all = (f: (c: KindCounts) => number) => sumAll(facts, f)
  const v: Record<string, Cell> = {}
  const received = all((c) => c.newReceived)
  v['applications.total'] = received
  v['applications.received'] = received
  CHANNELS.forEach((ch, i) => {
    const key = LEGACY_CHANNEL_KEYS[ch.code]
    if (key) v[key] = all((c) => c.channels[i] ?? 0)
  })
  const completed = all((c) => c.outcomes.reduce((a, b) => a + b, 0))
  const late = all((c) => c.late)
  v['applications.completed'] = completed
  // 《政府信息公开条例》第三十三条：按时 = 在答复期限（含依法延长的期限）内办结；延期办结 = 超过期限办结
  // (the stored answered_late; docs/decisions/0016-legacy-on-time.md)
  v['applications.onTime'] = completed - late
  v['applications.extended'] = late
  // answers: each outcome on its row, except the Art. 36 kinds counted on rows of their own
  const answers = new Map<string, number>()
  const add = (key: string, n: number) => answers.set(key, (answers.get(key) ?? 0) + n)
  OUTCOME_CODES.forEach((code, i) =>
    add(
      LEGACY_ANSWER_OF_OUTCOME[code],
      all((c) => c.outcomes[i] ?? 0),
    ),
  )
  ANSWER_KINDS.forEach((k, i) => {
    const n = all((c) => c.answerKinds[i] ?? 0)
    add(LEGACY_ANSWER_KIND_KEYS[k.code], n)
    add(LEGACY_ANSWER_OF_OUTCOME[k.reportedAs], -n)
  })
  for (const item of LEGACY_ITEMS)
    if (item.key?.startsWith('answers.') && item.key !== 'answers.total') v[item.key] = answers.get(item.key) ?? 0
  const refused = Object.keys(v).filter((k) => k.startsWith('answers.refused.'))
  v['answers.refused'] = refused.reduce((s, k) => s + (v[k] ?? 0), 0)
  v['answers.total'] = completed
  // 申请类型: received in the year by topic; a case without a topic is 其它
  const typed = TOPICS.map((_, i) => all((c) => c.topics[i] ?? 0))
  const untyped = received - typed.reduce((a, b) => a + b, 0)
  typed[TOPICS.length - 1] = (typed[TOPICS.length - 1] ?? 0) + untyped
  typed.forEach((n, i) => (v[`types.${i + 1}`] = n))
  v['types.total'] = received
  const rv = facts.reviews.review
  Object.assign(v, {
    'review.upheld': rv.upheld,
    'review.illegal': rv.corrected,
    'review.other': rv.other,
    'review.total': rv.upheld + rv.corrected + rv.other,
  })
  const ld = facts.reviews.lawsuitDirect
  const la = facts.reviews.lawsuitAfterReview
  const lu = ld.upheld + la.upheld
  const li = ld.corrected + la.corrected
  const lo = ld.other + la.other
  Object.assign(v, { 'lawsuit.upheld': lu, 'lawsuit.illegal': li, 'lawsuit.other': lo, 'lawsuit.total': lu + li + lo })
  v['fees.collectedWan'] = all((c) => c.feeCollectedYuan) / 10000
  // an item staff entered wins; otherwise what the catalog holds; otherwise blank
  for (const item of LEGACY_ITEMS) {
    if (!item.key || item.source !== 'entered') continue
    const entered = facts.figures[item.key]
    v[item.key] = entered !== undefined ? entered : (facts.catalog?.[item.key] ?? null)
  }
  // channels, responses and complaints: from the 政民互动 records (issue 16)
  Object.assign(v, interactionLegacyItems(facts.interaction ?? emptyInteractionFacts(), facts.catalog ?? {}))
  return v
}

/**
 * The annual report model of one agency and year, from the counts of its records and its entered figures,
 * checked. Pure: the SQL that counts lives in src/store/reportRepo.ts.
 */
export function buildReport(input: BuildInput): AnnualReport {
  const { format, year, agency, facts } = input
  const model: AnnualReport = { format, year, agency, findings: [] }
  const def = formatDef(format)
  if (!def.table) {
    model.legacy = legacyItems(facts)
  } else {
    model.proactive = proactiveTable(def.table, facts.figures, facts.catalog)
    model.applications = applicationsTable(def.table, facts)
    model.reviewsAndLawsuits = reviewsTable(facts)
    if (def.reportsFees) {
      model.fees = {
        noticesSent: sumAll(facts, (c) => c.feeNotices),
        amountNoticedYuan: sumAll(facts, (c) => c.feeNoticedYuan),
        amountCollectedYuan: sumAll(facts, (c) => c.feeCollectedYuan),
      }
    }
  }
  model.timeliness = {
    concluded: sumAll(facts, (c) => c.outcomes.reduce((a, b) => a + b, 0)),
    late: sumAll(facts, (c) => c.late),
    extended: sumAll(facts, (c) => c.extended),
  }
  if (input.narrative) model.narrative = input.narrative
  model.findings = checkReport(model)
  return model
}
