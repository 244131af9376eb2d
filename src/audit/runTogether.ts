// Text whose cells run together with no separator, as archives of CMS-built pages save a page body on one
// line: `一、本年新收政府信息公开申请数量801000081二、上年结转…`. A part is cut where a digit run follows
// label text and where label text follows a digit run; the cells inside a digit run are left to the table
// readers, which cut it only where the table's own sums leave one reading.

/** a digit run that follows label text (a CJK character or a closing bracket) */
const RUN = /(?<=[\u4e00-\u9fa5)）”"])\d+/g

/** a line this long is a page body saved on one line (a table row or a paragraph is far shorter) */
export const ONE_LINE_PAGE = 1000

/**
 * The part cut at its label/digit boundaries: every one on a one-line page (`wholeLine`), else only a run of at
 * least seven digits that ends the part (a row of table 三 written on one line, `予以公开23530104243`): inside a
 * label, or naming a column (`数据1`), a number is text (`公开相同信息计1条`). On a one-line page a run followed
 * by `.` or `、` and label text ends with the numbering of the next row label ("…申请00000002.重复申请" is
 * 0000000 and 2.重复申请): the numbering of table rows is one digit.
 */
export function splitRunTogether(part: string, wholeLine: boolean): string[] {
  if (!/[\u4e00-\u9fa5)）”"]\d/.test(part)) return [part]
  if (!wholeLine) {
    const end = /(?<=[\u4e00-\u9fa5)）”"])\d{7,}$/.exec(part)
    return end ? [part.slice(0, end.index), end[0]] : [part]
  }
  const out: string[] = []
  let from = 0
  for (const m of part.matchAll(RUN)) {
    const at = m.index
    let digits = m[0]
    const after = part.slice(at + digits.length, at + digits.length + 2)
    // a decimal amount (19167.08326) stays one part, with its label text before it cut off
    if (/^\.\d/.test(after)) {
      const dec = /^\d+\.\d+/.exec(part.slice(at))![0] // matched: a run followed by . and a digit
      out.push(part.slice(from, at))
      out.push(dec)
      from = at + dec.length
      continue
    }
    if (at < from) continue
    const numbering = digits.length > 1 && /^[.、][^\d.]/.test(after)
    if (numbering) digits = digits.slice(0, -1)
    out.push(part.slice(from, at))
    out.push(digits)
    from = at + digits.length
  }
  out.push(part.slice(from))
  return out.filter((p) => p !== '')
}
