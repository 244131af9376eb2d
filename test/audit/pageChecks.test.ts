// What a page says about itself that cannot be true: a publication date before the reported year has
// ended (real Sanming pages print 发布时间 2024-01-01 on the 2024 report), a wrong 国务院令 number for the 条例.
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'

/** a small 2021-format page around a header date and a citation */
const page = (header: string, citation: string) =>
  [
    '某县人民政府2024年政府信息公开工作年度报告',
    header,
    `根据《中华人民共和国政府信息公开条例》（${citation}）要求，编制本报告。`,
  ].join('\n')

const rules = (text: string) => auditReport(text).findings.filter((f) => !f.rule.startsWith('parse.'))

describe("the page's own date and citation", () => {
  it('a publication date within the year reported on is said to be wrong', () => {
    expect(rules(page('发布时间：2024-01-01', '国务院令第711号'))).toEqual([
      {
        rule: 'meta.publishedBeforeYearEnd',
        message: '页面标注的发布时间为2024-01-01，但报告的是2024年度，该年度到2024年12月31日才结束：发布时间有误',
      },
    ])
    expect(rules(page('发布日期：2024年12月31日', '国务院令第711号')).map((f) => f.rule)).toEqual([
      'meta.publishedBeforeYearEnd',
    ])
  })

  it('a date after the year, an empty or cut-short date field: no finding', () => {
    expect(rules(page('发布时间: 2025-01-17 11:36', '国务院令第711号'))).toEqual([])
    expect(rules(page('发布时间：', '国务院令第711号'))).toEqual([])
    expect(rules(page('发布时间：2024-10-', '国务院令第711号'))).toEqual([])
  })

  it('the 条例 cited under another order number than 492 or 711 is a finding naming both', () => {
    expect(rules(page('发布时间: 2025-01-17', '国务院令第771号'))).toEqual([
      {
        rule: 'narrative.regulationOrder',
        expected: 711,
        actual: 771,
        message: '正文称《中华人民共和国政府信息公开条例》为国务院令第771号，该条例为国务院令第492号公布、第711号修订',
      },
    ])
    expect(rules(page('发布时间: 2025-01-17', '国务院令第492号'))).toEqual([])
  })
})
