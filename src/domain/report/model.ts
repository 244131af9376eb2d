// The annual report model of ../shared/spec/report-model.md: one JSON shape shared by the generator, the
// exporters, the checker and the parser of published reports. Extend by adding fields, never by renaming.

export type ReportFormat = '2021' | '2019' | 'legacy'

/** An integer, or null where a published report left the cell blank or unreadable (never a guess). */
export type Cell = number | null

export const APPLICATION_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicWelfare',
  'legalService',
  'otherOrg',
  'total',
] as const
type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number]

/** One row of table 三: 7 cells in APPLICATION_COLUMNS order. */
export type Row7 = Cell[]

export interface ApplicationsTable {
  columns: ApplicationColumn[]
  newReceived: Row7
  carriedOver: Row7
  results: {
    disclosed: Row7
    partiallyDisclosed: Row7
    withheld: {
      stateSecret: Row7
      prohibitedByLaw: Row7
      securityStability: Row7
      thirdPartyRights: Row7
      internalAffairs: Row7
      processInformation: Row7
      enforcementFiles: Row7
      administrativeQuery: Row7
    }
    unableToProvide: { notHeld: Row7; needsCreation: Row7; unclearAfterSupplement: Row7 }
    notProcessed: {
      petitionOrComplaint: Row7
      duplicate: Row7
      publication: Row7
      excessiveRepeated: Row7
      confirmOrReissue: Row7
    }
    /** 2021: three sub-rows; 2019: one row, kept in `other` (noSupplement and unpaidFee absent) */
    other: { noSupplement?: Row7; unpaidFee?: Row7; other: Row7 }
    total: Row7
  }
  carriedForward: Row7
}

export interface ReviewCounts {
  upheld: Cell
  corrected: Cell
  other: Cell
  pending: Cell
  total: Cell
}

export interface ReviewsAndLawsuits {
  review: ReviewCounts
  lawsuitDirect: ReviewCounts
  lawsuitAfterReview: ReviewCounts
}

export interface Finding {
  /** rule id of report-model.md: applications.balance, applications.resultsTotal, … parse.* */
  rule: string
  /** where: a column key, a row path, or a table */
  column?: string
  row?: string
  expected?: number | null
  actual?: number | null
  /** Chinese: which cells disagree and by how much */
  message: string
}

export interface AnnualReport {
  format: ReportFormat
  year: number
  agency: { name: string; code?: string }
  /** 二、主动公开政府信息情况: keys by format (art20_1, art20_5, art20_6, art20_8, art20_9) */
  proactive?: Record<string, Record<string, Record<string, Cell>>>
  applications?: ApplicationsTable
  reviewsAndLawsuits?: ReviewsAndLawsuits
  /** format "legacy" only: the 统计表's own items, keyed as in src/domain/report/formats/legacy.ts */
  legacy?: Record<string, Cell>
  fees?: { noticesSent: Cell; amountNoticedYuan: Cell; amountCollectedYuan: Cell }
  narrative?: { overview?: string; problems?: string; other?: string }
  /** generator only: applications concluded in the year and how many of them after their deadline */
  timeliness?: { concluded: number; late: number; extended: number }
  findings: Finding[]
  /** generator only: notes on the quality of the records the report is computed from (not errors, e.g. 台账导入提示) */
  dataNotes?: DataNote[]
}

/** A note on the records behind a report: how many of the year's cases lack something, and what. */
export interface DataNote {
  rule: string
  count: number
  /** Chinese, for staff */
  message: string
}
