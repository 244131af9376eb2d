// Figures a report states in its own words ("共收到政府信息公开申请49件"), read only where the wording is
// plain, and compared with the tables: a report whose text and table disagree has a narrative.* finding.
import type { AnnualReport, Cell, Finding } from '../domain/report/model.js'
import { toHalfWidth } from './normalize.js'

const APPLICATIONS = '(?:各类)?(?:政府信息公开申请|依申请公开(?:申请|事项)?)'

/** stated figure key → the wording that states it (first match counts) */
const STATED: readonly { key: string; name: string; pattern: RegExp }[] = [
  {
    key: 'received',
    name: '收到申请',
    pattern: new RegExp(`(?:收到|受理|新受理|接收)了?${APPLICATIONS}(?:共)?(\\d+)件`),
  },
  { key: 'concluded', name: '办结申请', pattern: new RegExp(`办结(?:了)?(?:${APPLICATIONS})?(\\d+)件`) },
  { key: 'answered', name: '答复申请', pattern: new RegExp(`(?:共|累计)答复${APPLICATIONS}(\\d+)件`) },
  { key: 'disclosed', name: '予以公开', pattern: /(?<![或和及、])予以公开"?的?为?(\d+)件/ },
  { key: 'partiallyDisclosed', name: '部分公开', pattern: /(?<![或和及、])(?:同意)?部分公开"?的?为?(\d+)件/ },
  { key: 'withheld', name: '不予公开', pattern: /(?<![或和及、])不予公开"?的?为?(\d+)件/ },
  { key: 'unableToProvide', name: '无法提供', pattern: /无法提供"?的?为?(\d+)件/ },
  { key: 'other', name: '其他答复', pattern: /其他(?:类型)?答复"?的?为?(\d+)件/ },
  // "发生行政复议4件、行政诉讼4件", "涉及行政复议20件，行政诉讼11件"; never a 累计 (all-years) figure
  {
    key: 'reviews',
    name: '行政复议',
    pattern: /(?<!累计[^，。；]{0,6})(?:发生|涉及|收到|受理)行政复议(?:案件)?(\d+)件/,
  },
  {
    key: 'lawsuits',
    name: '行政诉讼',
    pattern: /(?<!累计[^，。；]{0,6})(?:发生|涉及|收到|受理)行政复议(?:案件)?\d+件[，、,]?行政诉讼(?:案件)?(\d+)件/,
  },
]

export function readNarrative(text: string): Record<string, number> {
  const flat = toHalfWidth(text).replace(/\s+/g, '').replace(/[“”]/g, '"')
  const out: Record<string, number> = {}
  for (const s of STATED) {
    const m = s.pattern.exec(flat)
    if (m) out[s.key] = Number(m[1])
  }
  const order = /政府信息公开条例》?\(?国务院令第(\d+)号/.exec(flat)
  if (order) out.regulationOrder = Number(order[1])
  return out
}

const sumCells = (cells: (Cell | undefined)[]): Cell => {
  let s = 0
  for (const c of cells) {
    if (c === null || c === undefined) return null
    s += c
  }
  return s
}

/** The table figure each stated figure is compared with, in the total column (or the 统计表's item). */
function tableFigure(r: AnnualReport, key: string): Cell | undefined {
  const rv = r.reviewsAndLawsuits
  if (key === 'reviews') return rv ? rv.review.total : r.legacy?.['review.total']
  if (key === 'lawsuits')
    return rv ? sumCells([rv.lawsuitDirect.total, rv.lawsuitAfterReview.total]) : r.legacy?.['lawsuit.total']
  const a = r.applications
  if (a) {
    const t = (row: Cell[] | undefined) => row?.[6]
    switch (key) {
      case 'received':
        return t(a.newReceived)
      case 'concluded':
      case 'answered':
        return t(a.results.total)
      case 'disclosed':
        return t(a.results.disclosed)
      case 'partiallyDisclosed':
        return t(a.results.partiallyDisclosed)
      case 'withheld':
        return sumCells(Object.values(a.results.withheld).map(t))
      case 'unableToProvide':
        return sumCells(Object.values(a.results.unableToProvide).map(t))
      default:
        return undefined
    }
  }
  const l = r.legacy
  if (!l) return undefined
  const item: Record<string, string> = {
    received: 'applications.received',
    concluded: 'answers.total',
    answered: 'answers.total',
    partiallyDisclosed: 'answers.partial',
    withheld: 'answers.refused',
    other: 'answers.other',
  }
  const k = item[key]
  return k && k in l ? l[k] : undefined
}

/** narrative.* findings: the text states a figure that its own table does not show. */
export function crossCheck(r: AnnualReport, stated: Record<string, number>): Finding[] {
  const out: Finding[] = []
  for (const s of STATED) {
    const said = stated[s.key]
    const shown = tableFigure(r, s.key)
    if (said === undefined || shown === undefined || shown === null || said === shown) continue
    out.push({
      rule: `narrative.${s.key}`,
      expected: shown,
      actual: said,
      message: `正文称${s.name}${said}件，但表格中为${shown}件，相差${Math.abs(said - shown)}件`,
    })
  }
  return out
}
