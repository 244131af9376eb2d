// Text normalisation for reading published reports: full-width forms, odd spaces and label variants.

/** Full-width ASCII forms (０-９, （）, ：, ｜ …) to half-width; ideographic and no-break spaces to spaces. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F\u205F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
}

/**
 * A label as compared: half-width, no whitespace at all (labels are broken over lines and padded in
 * real pages), one kind of quote, 作出/做出 and 其它/其他 unified.
 */
export function normLabel(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[“”"‘’'「」]/g, '"')
    .replace(/〔/g, '[')
    .replace(/〕/g, ']')
    .replace(/做出/g, '作出')
    .replace(/其它/g, '其他')
    .replace(/．/g, '.')
}
