import { expect, it } from 'vitest'
import { cellLabel, diffReports } from '../../../src/domain/report/diff.js'
import type { AnnualReport } from '../../../src/domain/report/model.js'

it('names each cell as the form prints it, in each format', () => {
  expect(cellLabel('2021', 'applications.results.withheld.stateSecret.1')).toBe(
    '表三 · （三）不予公开1.属于国家秘密 · 商业企业',
  )
  expect(cellLabel('2019', 'applications.results.other.other.6')).toBe('表三 · （六）其他处理 · 总计')
  expect(cellLabel('2021', 'applications.results.other.unpaidFee.0')).toBe(
    '表三 · （六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 自然人',
  )
  expect(cellLabel('2019', 'reviewsAndLawsuits.lawsuitDirect.pending')).toBe(
    '表四 · 行政诉讼（未经复议直接起诉） · 尚未审结',
  )
  // 国办公开办函〔2019〕60号 表二 第二十条第（九）项 prints "采购总金额" with no unit (issue 11; law-and-formats.md §0)
  expect(cellLabel('2019', 'proactive.art20_9.procurement.amountYuan')).toBe(
    '表二 · 第二十条第（九）项 · 政府集中采购 · 采购总金额',
  )
  expect(cellLabel('legacy', 'legacy.proactive.wechat')).toBe('统计表 · 3.通过政务微信公开数')
  expect(cellLabel('2021', 'fees.amountCollectedYuan')).toBe('信息处理费 · 实际收取信息处理费（元）')
  // a path the form has no place for is shown as it is rather than mislabelled
  expect(cellLabel('2021', 'applications.results.nonsense.3')).toBe('applications.results.nonsense.3')
})

it('lists only the cells that differ, with both numbers', () => {
  const base: AnnualReport = {
    format: 'legacy',
    year: 2020,
    agency: { name: '测试局' },
    legacy: { 'proactive.total': 1072, 'proactive.wechat': 787 },
    findings: [],
  }
  const changed = { ...base, legacy: { 'proactive.total': 1072, 'proactive.wechat': 788 } }
  expect(diffReports(base, changed)).toEqual([
    { path: 'legacy.proactive.wechat', label: '统计表 · 3.通过政务微信公开数', published: 787, current: 788 },
  ])
  expect(diffReports(base, base)).toEqual([])
})
