// What a report says about itself that cannot be true, whatever its tables hold: a publication date
// before the year it reports on has ended, and a wrong number for the 条例 it is written under.
import type { Finding } from '../domain/report/model.js'
import type { ParsedReport } from './parseReport.js'

/** the 条例 was promulgated by 国务院令第492号 (2007) and revised by 国务院令第711号 (2019) */
const REGULATION_ORDERS = [492, 711]

export function pageChecks(r: ParsedReport): Finding[] {
  const out: Finding[] = []
  if (r.published && r.year > 0 && r.published <= `${r.year}-12-31`) {
    out.push({
      rule: 'meta.publishedBeforeYearEnd',
      message: `页面标注的发布时间为${r.published}，但报告的是${r.year}年度，该年度到${r.year}年12月31日才结束：发布时间有误`,
    })
  }
  const order = r.stated?.regulationOrder
  if (order !== undefined && !REGULATION_ORDERS.includes(order)) {
    out.push({
      rule: 'narrative.regulationOrder',
      actual: order,
      expected: 711,
      message: `正文称《中华人民共和国政府信息公开条例》为国务院令第${order}号，该条例为国务院令第492号公布、第711号修订`,
    })
  }
  return out
}
