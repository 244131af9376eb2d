import type { ReportFormat } from '../model.js'
import { FORMAT_2019 } from './2019.js'
import { FORMAT_2021 } from './2021.js'
import type { FormatDef, TableFormat } from './types.js'

/** The formats whose tables are the national form's (表二、三、四). */
export type NationalFormat = '2019' | '2021'

const TABLE_FORMATS: Record<NationalFormat, TableFormat> = { '2019': FORMAT_2019, '2021': FORMAT_2021 }

/** Every format, as data: what each one prints and counts. */
const FORMATS: Record<ReportFormat, FormatDef> = {
  '2021': {
    format: '2021',
    name: '2021格式',
    longName: '2021年格式（国办公开办函〔2021〕30号）',
    table: FORMAT_2021,
    countsChannelsAndTopics: false,
    reportsFees: true,
    exportLayout: 'sections',
  },
  '2019': {
    format: '2019',
    name: '2019格式',
    longName: '2019年格式（国办公开办函〔2019〕60号）',
    table: FORMAT_2019,
    countsChannelsAndTopics: false,
    reportsFees: false,
    exportLayout: 'sections',
  },
  legacy: {
    format: 'legacy',
    name: '统计表',
    longName: '统计表（2019年以前）',
    table: null,
    countsChannelsAndTopics: true,
    reportsFees: false,
    exportLayout: 'titledTable',
  },
}

export function isReportFormat(s: string): s is ReportFormat {
  return Object.hasOwn(FORMATS, s)
}

/** Every format, newest first (the report page offers each). */
export const REPORT_FORMATS: readonly FormatDef[] = [FORMATS['2021'], FORMATS['2019'], FORMATS.legacy]

/** What a format declares. */
export function formatDef(format: ReportFormat): FormatDef {
  return FORMATS[format]
}

/**
 * The format a year's report is due in: 2021 on → 国办公开办函〔2021〕30号; 2019–2020 → 〔2019〕60号;
 * earlier → the 统计表. (A 2020 report may still use the 统计表, as the 衢州 seed does: pass the format.)
 */
export function formatForYear(year: number): ReportFormat {
  if (year >= 2021) return '2021'
  if (year >= 2019) return '2019'
  return 'legacy'
}

/** The table layout of a national format (the 统计表 is laid out by ./legacy.ts). */
export function tableFormat(format: NationalFormat): TableFormat {
  return TABLE_FORMATS[format]
}
