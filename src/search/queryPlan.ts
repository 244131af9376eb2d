import type { SynonymIndex } from './synonyms.js'
import { queryTokens, searchText } from './tokenize.js'

const HAN = /\p{Script=Han}/u

/**
 * A typed query as the index is asked: every group must match; a group matches when one of its phrases does
 * (a word typed, or the word and its synonyms). Phrases are lower case, letters and digits only.
 */
export interface QueryPlan {
  groups: string[][]
  /**
   * Text typed in one piece that made several groups (住房租赁 → 住房, 租赁): scored, never required, so the
   * documents that hold it as typed rank first.
   */
  boosts: string[]
}

/**
 * Reads a query: dictionary phrases are found first (longest first, left to right) and stand with their
 * alternatives; the rest is cut into words by jieba, each its own group.
 */
export function planQuery(q: string, synonyms: SynonymIndex): QueryPlan {
  const phrases = [...synonyms.keys()].sort((a, b) => b.length - a.length)
  const groups: string[][] = []
  const seen = new Set<string>()
  const add = (group: string[]) => {
    const key = [...group].sort().join('|')
    if (!seen.has(key)) groups.push(group)
    seen.add(key)
  }
  // characters jieba leaves single side by side (a name or a typo it does not know) stay one phrase: 公租防
  // asks for 公租 and 租防 together, not for three characters anywhere
  const words = (rest: string) => {
    let run = ''
    for (const w of queryTokens(rest)) {
      if ([...w].length === 1 && HAN.test(w)) {
        run += w
        continue
      }
      if (run) add([run])
      run = ''
      add([w])
    }
    if (run) add([run])
  }
  const boosts: string[] = []
  for (const chunk of searchText(q).split(' ').filter(Boolean)) {
    const before = groups.length
    let rest = ''
    let i = 0
    while (i < chunk.length) {
      const hit = phrases.find((p) => chunk.startsWith(p, i))
      if (hit) {
        words(rest)
        rest = ''
        add([...(synonyms.get(hit) ?? [hit])])
        i += hit.length
      } else {
        rest += chunk[i]
        i++
      }
    }
    words(rest)
    if (groups.length - before > 1) boosts.push(chunk)
  }
  return { groups, boosts }
}

/** Every phrase of a plan (what a results page marks in titles and snippets). */
export function planPhrases(plan: QueryPlan): string[] {
  return [...new Set(plan.groups.flat())]
}
