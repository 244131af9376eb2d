import type { Kysely } from 'kysely'

// Issue 19, decision 0049: a supervisor granted a list of agencies (users.supervised_agency_ids, no longer read
// since 2026-12-05-80-supervision) is granted the nearest common ancestor of that list over agencies.parent_id:
// the deepest agency that is the list's every agency or one of its ancestors. A list whose agencies lie in two
// trees (no common ancestor), or names no existing agency, determines no root: that account stays without a
// grant until an administrator chooses one. An account that already has a root keeps it; the old column is
// left as it was. Frozen in time: never edit a migration that has shipped; add a new one.

/** The chain from an agency up to its top agency, the agency first ([] for an unknown id; stops at a cycle). */
function chainOf(id: number, parent: ReadonlyMap<number, number | null>): number[] {
  const chain: number[] = []
  let at: number | null | undefined = id
  while (at !== null && at !== undefined && parent.has(at) && !chain.includes(at)) {
    chain.push(at)
    at = parent.get(at)
  }
  return chain
}

/** The nearest common ancestor (or self) of the ids, or null when there is none. */
export function nearestCommonAncestor(
  ids: readonly number[],
  parent: ReadonlyMap<number, number | null>,
): number | null {
  const chains = ids.map((id) => chainOf(id, parent)).filter((c) => c.length > 0)
  const [first, ...rest] = chains
  if (!first) return null
  return first.find((a) => rest.every((c) => c.includes(a))) ?? null
}

function idsOf(text: string): number[] {
  try {
    const v: unknown = JSON.parse(text)
    return Array.isArray(v) ? v.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0) : []
  } catch {
    // a value no version wrote as JSON determines no root (the account keeps no grant, as the decision says)
    return []
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const agencies: { id: number | string; parent_id: number | string | null }[] = await db
    .selectFrom('agencies')
    .select(['id', 'parent_id'])
    .execute()
  const parent = new Map(agencies.map((a) => [Number(a.id), a.parent_id === null ? null : Number(a.parent_id)]))
  const users: { id: number | string; supervised_agency_ids: string }[] = await db
    .selectFrom('users')
    .select(['id', 'supervised_agency_ids'])
    .where('supervised_root_id', 'is', null)
    .where('supervised_agency_ids', '!=', '[]')
    .execute()
  for (const u of users) {
    const root = nearestCommonAncestor(idsOf(u.supervised_agency_ids), parent)
    if (root !== null)
      await db
        .updateTable('users')
        .set({ supervised_root_id: root })
        .where('id', '=', Number(u.id))
        .where('supervised_root_id', 'is', null)
        .execute()
  }
}

export async function down(): Promise<void> {
  // the roots it chose are indistinguishable from those an administrator chose later: nothing to undo
}
