// What 一、总体情况 must speak of, as data: the draft writes one paragraph per part and the publication check
// looks for each part's words in what staff wrote (docs/decisions/0014-report-fit-to-publish.md).

/** A part of 一、总体情况: its heading in the draft and the words that show a text speaks of it. */
export interface OverviewPart {
  key: 'proactive' | 'onRequest' | 'management' | 'platforms' | 'oversight'
  heading: string
  /** any one of these in the section counts as speaking of the part */
  words: readonly string[]
}

// 《政府信息公开条例》第五十条；国办公开办函〔2021〕30号：总体情况包括主动公开、依申请公开、政府信息管理、平台建设、监督保障
export const OVERVIEW_PARTS: readonly OverviewPart[] = [
  { key: 'proactive', heading: '（一）主动公开', words: ['主动公开'] },
  { key: 'onRequest', heading: '（二）依申请公开', words: ['依申请公开', '政府信息公开申请'] },
  { key: 'management', heading: '（三）政府信息管理', words: ['政府信息管理', '信息管理', '公开管理'] },
  { key: 'platforms', heading: '（四）政府信息公开平台建设', words: ['平台'] },
  { key: 'oversight', heading: '（五）监督保障', words: ['监督保障', '监督', '保障'] },
]

/** How a placeholder the draft leaves for staff begins: a section holding one is not written yet. */
const PLACEHOLDER_MARK = '【待填写'

/** A placeholder staff must replace with their own text, saying what goes there. */
export function placeholder(what: string): string {
  return `${PLACEHOLDER_MARK}：${what}】`
}

/** The placeholders a text still holds, each as written. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/【待填写[^】]*】/g)].map((m) => m[0])
}

/** The parts of 一、总体情况 a text does not speak of. */
export function missingOverviewParts(text: string): OverviewPart[] {
  return OVERVIEW_PARTS.filter((p) => !p.words.some((w) => text.includes(w)))
}
