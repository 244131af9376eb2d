// What each finding means, in Chinese, for people reading an audit; and which cells it concerns.
import type { Finding } from '../domain/report/model.js'

const RULES: readonly [RegExp, string][] = [
  [
    /^applications\.balance$/,
    '表三每一列应满足：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（表头注明的勾稽关系）。',
  ],
  [/^applications\.resultsTotal$/, '表三“（七）总计”应等于（一）至（六）各项办理结果之和。'],
  [/^applications\.columnsTotal$/, '表三每一行的“总计”列应等于自然人与五类法人或其他组织之和。'],
  [/^reviews\.total$/, '表四每组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结四项之和。'],
  [/^legacy\./, '统计表的合计项应等于其分项之和。'],
  [/^narrative\.regulationOrder$/, '正文引用的条例文号有误。'],
  [/^narrative\./, '报告正文写明的数字与其表格不一致。'],
  [
    /^meta\.publishedBeforeYearEnd$/,
    '年度报告只能在所报告的年度结束后发布（条例第四十九条：县级以上人民政府部门每年1月31日前、县级以上地方人民政府每年3月31日前公布上一年度的年度报告），页面标注的发布时间不可能正确。',
  ],
  [/^parse\.rowMissing$/, '页面中没有找到这一行或这张表，相应单元格留空（不猜测数字）。'],
  [
    /^parse\.(collapsedCells|ambiguousCells|extraCells)$/,
    '这一行读到的数字个数与列数不符（常见于网页转文本时合并了相同的相邻单元格或数字连在一起），只有表内合计能唯一确定的单元格才填入，其余留空。',
  ],
  [/^parse\.unreadableCell$/, '单元格内容不是整数，留空。'],
  [/^parse\./, '页面的这一部分无法可靠读取，相应内容留空。'],
]

export function explainRule(rule: string): string {
  return RULES.find(([re]) => re.test(rule))?.[1] ?? ''
}

/**
 * Cells a finding concerns, as keys the views use: `a:<rowPath>:<col>` for table 三, `r:<kind>:total`
 * for table 四, `l:<legacy key>` for the 统计表.
 */
export function cellsOf(f: Finding): string[] {
  const col = f.column === undefined ? undefined : COLUMN_INDEX[f.column]
  switch (f.rule) {
    case 'applications.balance':
      return col === undefined
        ? []
        : ['newReceived', 'carriedOver', 'results.total', 'carriedForward'].map((r) => `a:${r}:${col}`)
    case 'applications.resultsTotal':
      return col === undefined ? [] : [`a:results.total:${col}`]
    case 'applications.columnsTotal':
      return f.row ? [`a:${f.row}:6`] : []
    case 'reviews.total':
      return f.row ? [`r:${f.row}:total`] : []
    default:
      return f.rule.startsWith('legacy.') && f.row ? [`l:${f.row}`] : []
  }
}

const COLUMN_INDEX: Record<string, number> = {
  naturalPerson: 0,
  commercial: 1,
  research: 2,
  publicWelfare: 3,
  legalService: 4,
  otherOrg: 5,
  total: 6,
}
