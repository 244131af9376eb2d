import type { ReportFormat } from '../model.js'
import { FORMAT_2019 } from './2019.js'
import { FORMAT_2021 } from './2021.js'
import type { TableFormat } from './types.js'

export const REPORT_FORMATS: readonly ReportFormat[] = ['2021', '2019', 'legacy']

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s)
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
export function tableFormat(format: '2019' | '2021'): TableFormat {
  return format === '2019' ? FORMAT_2019 : FORMAT_2021
}
