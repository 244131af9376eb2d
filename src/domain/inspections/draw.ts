import type { HashHex, PoolEntry } from './pool.js'
import { canonicalPool, poolFingerprint } from './pool.js'

// The draw anyone can reproduce (decision 0040): from the published seed, a stream of numbers
// hash(`${seed}:${stream}:${counter}`), and a partial Fisher–Yates shuffle of the pool in canonical order.

/** A number in [0, n) from the stream, without modulo bias (rejection of the top of the 32-bit range). */
function uniform(n: number, next: () => number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n
  for (;;) {
    const x = next()
    if (x < limit) return x % n
  }
}

/** 32-bit numbers from hash(seed:stream:0), hash(seed:stream:1), … eight per hash (SM3 gives 256 bits). */
function numberStream(seed: string, stream: string, hash: HashHex): () => number {
  let counter = 0
  let block: number[] = []
  return () => {
    if (block.length === 0) {
      const hex = hash(`${seed}:${stream}:${counter++}`)
      block = Array.from({ length: hex.length / 8 }, (_, i) => parseInt(hex.slice(i * 8, i * 8 + 8), 16))
    }
    return block.shift() ?? 0
  }
}

/** `count` entries of the pool chosen by the seed, in the order drawn. */
export function drawEntries(
  entries: readonly PoolEntry[],
  count: number,
  seed: string,
  stream: string,
  hash: HashHex,
): PoolEntry[] {
  const pool = canonicalPool(entries)
  const k = Math.min(count, pool.length)
  const next = numberStream(seed, stream, hash)
  for (let i = 0; i < k; i++) {
    const j = i + uniform(pool.length - i, next)
    const a = pool[i] as PoolEntry
    pool[i] = pool[j] as PoolEntry
    pool[j] = a
  }
  return pool.slice(0, k)
}

/** What a draw publishes: the pools and their fingerprints and the seed (before), the chosen (after). */
export interface PublishedDraw {
  seed: string
  inspectors: { count: number; fingerprint: string; entries: PoolEntry[] }
  entities: { count: number; fingerprint: string; entries: PoolEntry[] }
  /** null until the draw is made */
  result: { inspectors: string[]; entities: string[] } | null
}

/** The ids chosen by a draw of these pools with this seed. */
export function performDraw(
  d: Omit<PublishedDraw, 'result'>,
  hash: HashHex,
): { inspectors: string[]; entities: string[] } {
  return {
    inspectors: drawEntries(d.inspectors.entries, d.inspectors.count, d.seed, 'inspectors', hash).map((e) => e.id),
    entities: drawEntries(d.entities.entries, d.entities.count, d.seed, 'entities', hash).map((e) => e.id),
  }
}

/** What does not hold in a published draw: each pool's fingerprint, then the result recomputed from the seed. */
export function verifyDraw(d: PublishedDraw, hash: HashHex): string[] {
  const problems: string[] = []
  for (const [key, label] of [
    ['inspectors', '执法检查人员名录'],
    ['entities', '检查对象名录'],
  ] as const) {
    const got = poolFingerprint(d[key].entries, hash)
    if (got !== d[key].fingerprint) problems.push(`${label}的指纹不符：公布 ${d[key].fingerprint}，按名录计算 ${got}`)
  }
  if (!d.result) return [...problems, '尚未抽取，没有可核对的结果']
  const again = performDraw(d, hash)
  for (const [key, label] of [
    ['inspectors', '抽中的检查人员'],
    ['entities', '抽中的检查对象'],
  ] as const) {
    if (again[key].join(',') !== d.result[key].join(','))
      problems.push(`${label}与按种子重算的结果不符：公布 ${d.result[key].join('、')}，重算 ${again[key].join('、')}`)
  }
  return problems
}
