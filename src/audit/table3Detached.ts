// Table 三 in PDF reading order: the label column first, then the numbers row by row, so one label holds every
// row name and the values of all rows follow it. The label is cut at the format's own numbering (一、 （一） 1.);
// a name followed by a "1." item is a group, any other is a row; the values go to the rows in order, seven
// each, only when their count is exactly seven times the rows named.
import type { Finding } from '../domain/report/model.js'
import { latestMatch } from './segments.js'
import { N, TABLE3_ROWS } from './table3Rows.js'

/** before each numbering of a row label: 一、 (一) 1. (not a decimal, not a two-digit number) */
const NUMBERING = /(?=[一二三四五六七]、|\([一二三四五六七]\)|(?<![\d.])[1-8]\.(?!\d))/

/** fewer row names than this in one label is an ordinary label (a row name after group names) */
const MIN_ROWS = 3
const MIN_LABEL = 40

export function detachedRows(
  label: string,
  values: readonly (string | null)[],
): { rows: { path: string; values: (string | null)[] }[]; findings: Finding[] } | undefined {
  // the row names of three rows with their numbering are longer than this; ordinary row labels are shorter
  if (label.length < MIN_LABEL) return undefined
  const pieces = label.split(NUMBERING).filter((p) => p !== '')
  const named = pieces.map((p, i) => {
    const group = /^1\./.test(pieces[i + 1] ?? '') && !/^1\./.test(p)
    return group ? undefined : latestMatch(p, TABLE3_ROWS)
  })
  const rows = named.filter((r) => r !== undefined)
  if (rows.length < MIN_ROWS) return undefined
  const paths = rows.map((r) => r.path)
  if (new Set(paths).size !== paths.length || values.length !== rows.length * N)
    return {
      rows: [],
      findings: [
        {
          rule: 'parse.detachedLabels',
          message: `表三的行名与数字分开排列：读到${rows.length}个行名、${values.length}个数，不是每行${N}个，无法对应，按空值处理`,
        },
      ],
    }
  return { rows: rows.map((r, i) => ({ path: r.path, values: values.slice(i * N, i * N + N) })), findings: [] }
}
