import { z } from 'zod'

// 双随机：检查对象名录库和执法检查人员名录库。An entry is what the public can check: an id (统一社会信用代码 or
// 执法证号) and a name. The fingerprint is over the sorted entries, so it names the pool, not the order it was typed in.

export const poolEntry = z.object({
  id: z.string().trim().min(1, '请填写编号（统一社会信用代码或执法证号）').max(64, '编号过长'),
  name: z.string().trim().min(1, '请填写名称').max(200, '名称过长'),
})

export type PoolEntry = z.output<typeof poolEntry>

export type PoolKind = 'inspector' | 'entity'

/** A hash function of text to lower-case hex (SM3 in the app, GB/T 32905-2016): handed in, the domain does no I/O. */
export type HashHex = (text: string) => string

/** The entries sorted by id (code units, so every machine sorts alike); two entries with one id are a broken pool. */
export function canonicalPool(entries: readonly PoolEntry[]): PoolEntry[] {
  return [...entries]
    .map((e) => ({ id: e.id.trim(), name: e.name.trim() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The ids that occur more than once. */
export function duplicateIds(entries: readonly PoolEntry[]): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const e of entries) (seen.has(e.id.trim()) ? twice : seen).add(e.id.trim())
  return [...twice]
}

/** hash(JSON of [[id, name], …] in canonical order): published before a draw, any change of an entry changes it. */
export function poolFingerprint(entries: readonly PoolEntry[], hash: HashHex): string {
  return hash(JSON.stringify(canonicalPool(entries).map((e) => [e.id, e.name])))
}

/** A pool typed one entry a line: `编号 名称` (tab, comma or spaces between). */
export function parsePoolLines(text: string): { entries: PoolEntry[]; bad: number[] } {
  const entries: PoolEntry[] = []
  const bad: number[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim()
    if (!t) return
    const m = /^(\S+)[\s,，\t]+(.+)$/.exec(t)
    const parsed = m ? poolEntry.safeParse({ id: m[1], name: m[2] }) : undefined
    if (parsed?.success) entries.push(parsed.data)
    else bad.push(i + 1)
  })
  return { entries, bad }
}
