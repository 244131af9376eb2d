import { z } from 'zod'

/**
 * An agency's prefix of its case numbers, as its administrator sets it (e.g. 榕房依申): the 机关代字 and kind of
 * a 发文字号. Digits and brackets are refused, so a number always reads back as prefix〔year〕n号.
 */
export const caseRefPrefix = z
  .string()
  .trim()
  .min(1, '请填写编号前缀')
  .max(20, '编号前缀不超过20字')
  .regex(/^[^\d〔〕[\]()（）\s]+$/, '编号前缀不能含数字、括号或空格（年份和序号由系统加上）')

// GB/T 9704-2012《党政机关公文格式》7.2.4 发文字号：机关代字、年份、发文顺序号；年份用六角括号〔〕，序号不编虚位，不加"第"字
/**
 * The case number of an agency's `n`-th case received in `year`: `榕房依申〔2026〕1号` with a prefix, and
 * `2026-00001` (year and the agency's own serial) without one. Decision 0020.
 *
 * @example caseRef('榕房依申', 2026, 1) // '榕房依申〔2026〕1号'
 */
export function caseRef(prefix: string | undefined, year: number, n: number): string {
  return prefix ? `${prefix}〔${year}〕${n}号` : `${year}-${String(n).padStart(5, '0')}`
}
