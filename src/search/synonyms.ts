// The search dictionary shipped with the platform: groups of phrases that mean the same thing in housing and
// government texts (an abbreviation, a colloquial name, the formal name). A query holding any phrase of a
// group matches documents that use any other (decision 0028). Administrators add groups of their own
// (search_dictionary, /console/search-dictionary); these are always in force.

export type SynonymGroup = readonly string[]

export const BUILT_IN_SYNONYMS: readonly SynonymGroup[] = [
  ['公租房', '公共租赁住房'],
  ['廉租房', '廉租住房'],
  ['经适房', '经济适用房', '经济适用住房'],
  ['保障房', '保障性住房', '保障性安居工程'],
  ['共有产权房', '共有产权住房'],
  ['安置房', '安置住房', '拆迁安置房'],
  ['人才房', '人才住房'],
  ['商品房', '商品住房'],
  ['二手房', '存量房'],
  ['租房补贴', '租赁补贴', '住房租赁补贴'],
  ['棚改', '棚户区改造'],
  ['旧改', '老旧小区改造', '旧城改造'],
  ['城中村改造', '城改'],
  ['住建局', '住房和城乡建设局', '住房城乡建设局'],
  ['住建部', '住房和城乡建设部', '住房城乡建设部'],
  ['住建委', '住房和城乡建设委员会'],
  ['房管局', '房产管理局', '房地产管理局', '住房保障和房产管理局'],
  ['公积金中心', '住房公积金管理中心'],
  ['物业费', '物业服务费', '物业服务收费'],
  ['维修基金', '维修资金', '专项维修资金'],
  ['房产证', '房屋所有权证', '不动产权证书'],
  ['网签', '网上签约'],
  ['预售证', '商品房预售许可证', '预售许可证'],
  ['电梯加装', '加装电梯'],
  ['信访', '来信来访'],
  ['年报', '年度报告'],
]

/** One phrase's alternatives: itself and every phrase that shares a group with it. */
export type SynonymIndex = ReadonlyMap<string, readonly string[]>

/** Merges groups into an index from each phrase to all its alternatives (groups sharing a phrase join). */
export function synonymIndex(groups: readonly SynonymGroup[]): SynonymIndex {
  const index = new Map<string, Set<string>>()
  for (const group of groups) {
    const members = new Set(group.map((p) => p.trim().toLowerCase()).filter((p) => [...p].length >= 2))
    for (const p of [...members]) for (const other of index.get(p) ?? []) members.add(other)
    for (const p of members) index.set(p, members)
  }
  return new Map([...index].map(([p, set]) => [p, [...set]]))
}
