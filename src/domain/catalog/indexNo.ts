// 《政府信息公开目录系统实施指引（试行）》：索引号 = 前段码/后段码，唯一且不变；前段码 = 机关代码，后段码 = 年份-流水号.
// The platform uses the 18-character 统一社会信用代码 as 前段码 (spec/law-and-formats.md §5: no binding national
// rule for credit codes; provinces vary the serial width, so it is a setting).

const DEFAULT_SERIAL_WIDTH = 5

/**
 * The 索引号 of the `serial`-th item an agency published in `year`.
 * @example formatIndexNo('113308000026188164', 2021, 119608, 6) → '113308000026188164/2021-119608'
 */
export function formatIndexNo(
  agencyCode: string,
  year: number,
  serial: number,
  width: number = DEFAULT_SERIAL_WIDTH,
): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`serial must be a whole number ≥ 1, got ${serial}`)
  return `${agencyCode}/${year}-${String(serial).padStart(width, '0')}`
}

export interface ParsedIndexNo {
  agencyCode: string
  year: number
  serial: number
}

const PATTERN = /^([0-9A-Z]{9,18})\/(\d{4})-(\d{1,9})$/

/** Splits a 索引号 into its parts; null when it does not have the `code/year-serial` shape. */
export function parseIndexNo(indexNo: string): ParsedIndexNo | null {
  const m = PATTERN.exec(indexNo.trim())
  if (!m) return null
  return { agencyCode: m[1] as string, year: Number(m[2]), serial: Number(m[3]) }
}

/** The serial width an agency configured (settings.indexSerialWidth), 5 by default, within 3–9. */
export function serialWidthOf(settings: Record<string, unknown>): number {
  const w = settings.indexSerialWidth
  return typeof w === 'number' && Number.isInteger(w) && w >= 3 && w <= 9 ? w : DEFAULT_SERIAL_WIDTH
}
