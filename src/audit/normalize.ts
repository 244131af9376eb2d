// Text normalisation for reading published reports: full-width forms, odd spaces and label variants.

/** Full-width ASCII forms (０-９, （）, ：, ｜ …) to half-width; ideographic and no-break spaces to spaces. */
export function toHalfWidth(s: string): string {
  // one pass over the text (this runs on every page and every label)
  return s.replace(/[\uFF01-\uFF5E\u3000\u00A0\u2002-\u200D\u202F\u205F\u2060\uFEFF]/g, halfWidthOf)
}

function halfWidthOf(c: string): string {
  const code = c.charCodeAt(0)
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0)
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff ? '' : ' '
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
