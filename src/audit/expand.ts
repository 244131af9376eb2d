// Rows that were printed with fewer values than the table has columns. Two ways a real page loses
// cell boundaries: an extractor that collapses consecutive identical cells ("19 0 1 0 20" for
// 19 0 0 1 0 0 20), and a row whose cells run together ("640020470" for 64 0 0 2 0 4 70). Both are
// undone only where the table's own sums leave exactly one reading; a cell that differs between the
// readings that fit stays null.

/** Every way to expand `values` into `n` cells by repeating each value one or more times. */
export function collapseExpansions(values: number[], n: number, limit = 5000): number[][] {
  const k = values.length
  if (k === 0 || k > n) return []
  // the extractor only collapses equal neighbours, so a printed row never has two equal neighbours
  for (let i = 1; i < k; i++) if (values[i] === values[i - 1]) return []
  const out: number[][] = []
  const rec = (i: number, acc: number[]) => {
    if (out.length >= limit) return
    if (i === k - 1) {
      out.push([...acc, ...Array<number>(n - acc.length).fill(values[i]!)])
      return
    }
    const remainingValues = k - i - 1
    for (let run = 1; acc.length + run + remainingValues <= n; run++) {
      rec(i + 1, [...acc, ...Array<number>(run).fill(values[i]!)])
    }
  }
  rec(0, [])
  return out
}

/** Every way to cut digit strings into `n` integers in all (no leading zeros; each string ≥ 1 part). */
export function digitSplits(tokens: string[], n: number, limit = 5000): number[][] {
  const out: number[][] = []
  const totalDigits = tokens.reduce((a, t) => a + t.length, 0)
  if (tokens.length === 0 || tokens.length > n || totalDigits < n) return []
  const rec = (ti: number, pos: number, acc: number[]) => {
    if (out.length >= limit) return
    const tok = tokens[ti]
    if (tok === undefined) {
      if (acc.length === n) out.push(acc)
      return
    }
    const remainingTokens = tokens.length - ti - 1
    for (let end = pos + 1; end <= tok.length; end++) {
      const piece = tok.slice(pos, end)
      if (piece.length > 1 && piece.startsWith('0')) break
      const next = [...acc, Number(piece)]
      if (next.length + remainingTokens > n) break
      if (end === tok.length) rec(ti + 1, 0, next)
      else rec(ti, end, next)
    }
  }
  rec(0, 0, [])
  return out
}

/**
 * Whether the rows of a table print equal neighbouring cells ("0 0"): then the page keeps every cell, and a
 * row with fewer values than columns lost cells some other way; reading it as collapsed would guess.
 */
export function printsEqualNeighbours(rows: readonly (readonly (string | null)[])[]): boolean {
  return rows.some((r) => r.some((v, i) => i > 0 && v !== null && v === r[i - 1]))
}

/**
 * Readings of one row of `n` cells from its printed digit tokens that satisfy the row's own sums.
 * A row printed with exactly n values is read as printed (its sums are the checker's business). `collapses`
 * false: the page keeps equal neighbours, so only run-together digits are undone.
 */
export function rowReadings(
  tokens: string[],
  n: number,
  rowHolds: (cells: number[]) => boolean,
  collapses = true,
): number[][] {
  if (tokens.length === n) return [tokens.map(Number)]
  if (tokens.length > n) return []
  const seen = new Set<string>()
  const out: number[][] = []
  const expansions = collapses ? collapseExpansions(tokens.map(Number), n) : []
  for (const cells of [...expansions, ...digitSplits(tokens, n)]) {
    const key = cells.join(',')
    if (seen.has(key) || !rowHolds(cells)) continue
    seen.add(key)
    out.push(cells)
  }
  return out
}

/** Cells equal in every reading; null where readings differ (never a pick). */
export function agreed(readings: number[][], n: number): (number | null)[] {
  return Array.from({ length: n }, (_, i) => {
    const first = readings[0]?.[i]
    return first !== undefined && readings.every((r) => r[i] === first) ? first : null
  })
}
