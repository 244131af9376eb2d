import type { AnnualReport } from './model.js'

export interface CellChange {
  /** dotted path of the cell in the model (applications.results.disclosed.6, legacy.types.4 …) */
  path: string
  published: number | null
  current: number | null
}

function flatten(node: unknown, prefix: string, out: Map<string, number | null>): void {
  if (node === null || typeof node === 'number') {
    out.set(prefix, node)
    return
  }
  if (Array.isArray(node)) node.forEach((v, i) => flatten(v, `${prefix}.${i}`, out))
  else if (typeof node === 'object')
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
}

const TABLES = ['proactive', 'applications', 'reviewsAndLawsuits', 'legacy', 'fees'] as const

/** Every table cell whose number differs between a published report and a fresh computation. */
export function diffReports(published: AnnualReport, current: AnnualReport): CellChange[] {
  const a = new Map<string, number | null>()
  const b = new Map<string, number | null>()
  for (const t of TABLES) {
    flatten(published[t], t, a)
    flatten(current[t], t, b)
  }
  const paths = [...new Set([...a.keys(), ...b.keys()])]
  return paths
    .filter((p) => (a.get(p) ?? null) !== (b.get(p) ?? null))
    .map((p) => ({ path: p, published: a.get(p) ?? null, current: b.get(p) ?? null }))
}
