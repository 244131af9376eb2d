/** An agency as the hierarchy sees it: its id and its one parent (agencies.parent_id). */
export interface TreeAgency {
  id: number
  parentId: number | null
}

/**
 * The agencies under `rootId`, the root first, each before its children (depth-first, in the order given).
 * A supervisor is granted a root; what they read is this list, computed afresh, so an agency placed under the
 * root later is in scope without a new grant. A cycle cannot make it loop (each id is taken once).
 */
export function subtreeOf<A extends TreeAgency>(rootId: number, agencies: readonly A[]): A[] {
  const root = agencies.find((a) => a.id === rootId)
  if (!root) return []
  const out: A[] = []
  const seen = new Set<number>()
  const visit = (a: A) => {
    if (seen.has(a.id)) return
    seen.add(a.id)
    out.push(a)
    for (const c of agencies) if (c.parentId === a.id) visit(c)
  }
  visit(root)
  return out
}

/** How many levels below `rootId` each agency of its subtree sits (the root: 0). */
export function depthsUnder(rootId: number, agencies: readonly TreeAgency[]): Map<number, number> {
  const depth = new Map<number, number>([[rootId, 0]])
  for (const a of subtreeOf(rootId, agencies)) {
    if (a.parentId !== null && a.id !== rootId) depth.set(a.id, (depth.get(a.parentId) ?? 0) + 1)
  }
  return depth
}
