/** A small seeded generator (mulberry32): the demo is the same on every machine and every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

export function between(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1))
}

/** Shuffles a copy (Fisher–Yates) with the seeded generator. */
export function shuffled<T>(rand: () => number, items: readonly T[]): T[] {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const x = a[i]
    const y = a[j]
    // both indices lie within the array (j ≤ i < length)
    if (x === undefined || y === undefined) continue
    a[i] = y
    a[j] = x
  }
  return a
}

const SURNAMES = ['林', '陈', '黄', '张', '王', '李', '吴', '刘', '郑', '杨', '赵', '周', '许', '何', '翁', '郭']
const GIVEN = [
  '志强',
  '秀英',
  '建华',
  '丽娟',
  '文斌',
  '海燕',
  '国平',
  '美玲',
  '晓东',
  '春梅',
  '德明',
  '雪芳',
  '振宇',
  '玉兰',
  '宏伟',
  '淑珍',
]

export function personName(rand: () => number): string {
  return pick(rand, SURNAMES) + pick(rand, GIVEN)
}
