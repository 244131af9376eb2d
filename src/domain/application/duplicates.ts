/**
 * 《条例》第三十六条第（六）项：行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，
 * 告知申请人不予重复处理. Whether two requests ask for the same information is the office's judgement; the system
 * only finds the earlier applications of the same applicant whose wording is close (decision 0013).
 */

/** Character bigrams of a request, punctuation and spaces dropped. */
function bigrams(text: string): Set<string> {
  const t = text.replace(/[\s\p{P}\p{S}]/gu, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  if (t.length === 1) out.add(t)
  return out
}

/** Dice similarity of the two requests' character bigrams: 1 for the same wording, 0 for nothing in common. */
export function requestSimilarity(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  if (x.size === 0 || y.size === 0) return 0
  let common = 0
  for (const g of x) if (y.has(g)) common++
  return (2 * common) / (x.size + y.size)
}

/** From this similarity on, an earlier request is shown as 内容相近 (decision 0013). */
export const SIMILAR_FROM = 0.5

/** The earlier applications whose request is close to `description`, closest first. */
export function similarRequests<T extends { description: string }>(
  description: string,
  earlier: readonly T[],
): (T & { similarity: number })[] {
  return earlier
    .map((e) => ({ ...e, similarity: requestSimilarity(description, e.description) }))
    .filter((e) => e.similarity >= SIMILAR_FROM)
    .sort((p, q) => q.similarity - p.similarity)
}
