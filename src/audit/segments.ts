// The token stream grouped as a table reader sees it: a label (all label text since the last value,
// normalised and joined, so labels broken over lines or padded with spaces read as one) followed by the
// values printed after it.
import { normLabel } from './normalize.js'
import type { Token } from './tokens.js'

export interface Segment {
  /** normalised label text */
  label: string
  /** value tokens after the label: digit strings, or null for a cell that cannot be read */
  values: (string | null)[]
  /** the values as printed (the text of a cell that is not a count, e.g. "279.44" or "-3") */
  raw: string[]
  /** first line of the label in the source */
  line: number
  /** a value may be cells run together (it comes from a page body saved on one line) */
  run?: boolean
}

export function segmentsOf(tokens: Token[]): Segment[] {
  const out: Segment[] = []
  let parts: string[] = []
  let current: Segment | undefined
  // normalised once joined: a variant may be split over two lines (做 / 出); joining once keeps it linear
  const close = () => {
    if (current && parts.length > 0) current.label = normLabel(parts.join(''))
    parts = []
  }
  for (const t of tokens) {
    if (t.kind === 'label') {
      if (!current || current.values.length > 0) {
        close()
        current = { label: '', values: [], raw: [], line: t.line }
        out.push(current)
      }
      parts.push(t.text)
    } else {
      if (!current) {
        current = { label: '', values: [], raw: [], line: t.line }
        out.push(current)
      }
      close()
      current.values.push(t.kind === 'num' ? t.digits : null)
      if (t.kind === 'num' && t.run) current.run = true
      current.raw.push(t.kind === 'num' ? t.digits : t.text)
    }
  }
  close()
  return out
}

/** The end of a label, where the name of the row its values belong to is (row names are short). */
export function labelTail(label: string): string {
  return label.length > 300 ? label.slice(-300) : label
}

const globals = new WeakMap<RegExp, RegExp>()
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re)
  if (!g) {
    g = re.flags.includes('g') ? re : new RegExp(re.source, re.flags + 'g')
    globals.set(re, g)
  }
  return g
}

/** The pattern that matches latest in the label (the text nearest the values names the row); on a tie the longer
 * (more specific) match wins, then the first rule. */
export function latestMatch<T extends { pattern: RegExp }>(label: string, rules: readonly T[]): T | undefined {
  let best: T | undefined
  let bestEnd = -1
  let bestLength = 0
  for (const rule of rules) {
    let end = -1
    let length = 0
    // an exec loop, not matchAll: this runs for every rule on every label of a table (the parser's hottest loop)
    const g = globalOf(rule.pattern)
    g.lastIndex = 0
    for (let m = g.exec(label); m !== null; m = g.exec(label)) {
      const e = m.index + m[0].length
      if (e > end || (e === end && m[0].length > length)) [end, length] = [e, m[0].length]
      if (m[0].length === 0) g.lastIndex++
    }
    if (end > bestEnd || (end === bestEnd && end >= 0 && length > bestLength)) {
      best = rule
      bestEnd = end
      bestLength = length
    }
  }
  return best
}
