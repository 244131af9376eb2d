import type { OutcomeCode } from './outcomes.js'

/**
 * 《条例》第三十六条第（七）项 answers (工商、不动产登记资料等有特别规定的) have no row of their own in 表三: an agency reports
 * them under （六）其他处理 (the default) or under （三）不予公开·属于行政查询事项. docs/decisions/0011-decisions-in-letters.md
 */
export const SPECIAL_LAW_ROWS = [
  { code: 'other.other', label: '（六）其他处理·其他（默认）' },
  { code: 'withheld.administrativeQuery', label: '（三）不予公开·属于行政查询事项' },
] as const satisfies readonly { code: OutcomeCode; label: string }[]

export type SpecialLawRow = (typeof SPECIAL_LAW_ROWS)[number]['code']

export function isSpecialLawRow(s: string): s is SpecialLawRow {
  return SPECIAL_LAW_ROWS.some((r) => r.code === s)
}
