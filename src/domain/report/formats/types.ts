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
  /** the shorter name a check finding gives the row ('一、本年新收'); a result row is named by its outcome */
  short?: string
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
  /** 表三（六）其他处理 printed as one row holding every other.* outcome (2019), not three sub-rows (2021) */
  foldsOtherResults: boolean
}

/**
 * What a report format declares, so that no code asks a format its name: the generator, the exporters, the CLI
 * and the pages read these fields.
 */
export interface FormatDef {
  format: ReportFormat
  /** how the CLI names it ('2021格式', '统计表') */
  name: string
  /** how the report page names it, with the document it comes from */
  longName: string
  /** the national form's 表二、三、四; null for the 统计表, which is one list of items (./legacy.ts) */
  table: TableFormat | null
  /** the 统计表 counts applications by channel, topic and answer kind as well */
  countsChannelsAndTopics: boolean
  /** the model carries 信息处理费 figures, and the draft narrative states them (2021 on) */
  reportsFees: boolean
  /** exporters: 'sections' = a section heading above each table; 'titledTable' = one table under its own title */
  exportLayout: 'sections' | 'titledTable'
}
