import { dictionaryWords } from './tokenize.js'

// 您是不是要找: for a typed word no document holds, the words one edit away (a character wrong, missing or
// extra; two for words of five or more) from the search dictionary's phrases and jieba's dictionary.

/** Is the edit distance between a and b at most `max`? (characters, not UTF-16 units) */
function withinEdits(a: readonly string[], b: readonly string[], max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      cur.push(v)
      best = Math.min(best, v)
    }
    if (best > max) return false
    prev = cur
  }
  return (prev[b.length] as number) <= max
}

/**
 * The words `typed` may have meant, best first: the search dictionary's phrases, then jieba's words by their
 * frequency. At most `limit`; never `typed` itself.
 */
export function nearWords(typed: string, phrases: readonly string[], limit = 20): string[] {
  const a = [...typed]
  if (a.length < 2) return []
  const max = a.length >= 5 ? 2 : 1
  const out = new Set<string>()
  for (const p of phrases) if (p !== typed && withinEdits(a, [...p], max)) out.add(p)
  // a word within `max` edits shares all but `max` of the typed characters: counted from the character lists
  const { words, byChar } = dictionaryWords()
  const shared = new Map<number, number>()
  for (const c of new Set(a)) for (const i of byChar.get(c) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1)
  const near: { word: string; freq: number }[] = []
  for (const [i, n] of shared) {
    const w = words[i] as { word: string; freq: number }
    if (n >= a.length - max && w.word !== typed && withinEdits(a, [...w.word], max)) near.push(w)
  }
  near.sort((x, y) => y.freq - x.freq)
  for (const w of near) out.add(w.word)
  return [...out].slice(0, limit)
}
