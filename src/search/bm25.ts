// Okapi BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009), with Lucene's
// non-negative idf. Pure: the caller brings the statistics (kept at index time, not read from the engine).

const K1 = 1.2
const B = 0.75

export interface CorpusStats {
  docs: number
  avgLength: number
  /** document frequency of each query term */
  df: ReadonlyMap<string, number>
}

function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5))
}

/**
 * How often each phrase occurs in a document's search text (non-overlapping substring occurrences, counted
 * natively: no array of tokens is built, which is what makes scoring a thousand candidates cheap).
 */
export function termFrequencies(text: string, terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>()
  for (const term of new Set(terms)) {
    if (!term) continue
    let n = 0
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++
    if (n) tf.set(term, n)
  }
  return tf
}

/** The BM25 score of one document of `length` tokens with term frequencies `tf`, for the query terms. */
export function bm25(
  terms: readonly string[],
  tf: ReadonlyMap<string, number>,
  length: number,
  stats: CorpusStats,
): number {
  const norm = K1 * (1 - B + (B * length) / (stats.avgLength || 1))
  let score = 0
  for (const term of new Set(terms)) {
    const f = tf.get(term) ?? 0
    if (f === 0) continue
    score += idf(stats.df.get(term) ?? 0, stats.docs) * ((f * (K1 + 1)) / (f + norm))
  }
  return score
}
