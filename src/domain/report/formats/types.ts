import type { ReportFormat } from '../model.js'

/** A row of table 三: its path in ApplicationsTable and its label as the national form prints it. */
export interface ApplicationRowDef {
  /** dotted path in ApplicationsTable ('newReceived', 'results.withheld.stateSecret', …) */
  path: string
  label: string
  /** the merged cell on the left that spans a group of rows ('三、本年度办理结果') */
  group?: string
  /** the merged cell of a sub-group ('（三）不予公开') */
  subgroup?: string
}

/** A block of table 二 (第二十条第（X）项): columns and rows, keyed as in AnnualReport.proactive. */
export interface ProactiveBlockDef {
  key: string
  header: string
  columns: readonly { key: string; label: string }[]
  rows: readonly { key: string; label: string }[]
}

/** One line of the 统计表: an item, its unit, and where its number comes from. */
export interface LegacyItemDef {
  /** key in AnnualReport.legacy; absent for a heading line with no number */
  key?: string
  label: string
  unit?: string
  /** 0 = 一、 level, 1 = （一） or 1. level, 2 = 其中 / sub-items */
  level: 0 | 1 | 2
  /** records: computed from applications/reviews; entered: a figure staff enter (no record holds it) */
  source?: 'records' | 'entered'
  /** a side heading printed to the left of a run of items (按信息类别分, 按发布渠道分) */
  side?: string
}

export interface TableFormat {
  format: ReportFormat
  /** the document the format comes from */
  basis: string
  title: string
  proactive: readonly ProactiveBlockDef[]
  applicationRows: readonly ApplicationRowDef[]
}
