import { describe, expect, it } from 'vitest'
import { splitRunTogether } from '../../src/audit/runTogether.js'

describe('label text and digits run together', () => {
  it('a row written on one line: its label, then its cells as one run (the issue example)', () => {
    expect(splitRunTogether('一、本年新收政府信息公开申请数量801000081', false)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '801000081',
    ])
  })

  it('inside a label, or naming a column, a number is text, unless the page body is one line', () => {
    expect(splitRunTogether('(不同渠道和方式公开相同信息计1条)', false)).toEqual(['(不同渠道和方式公开相同信息计1条)'])
    expect(splitRunTogether('数据1', false)).toEqual(['数据1'])
  })

  it('on a one-line page the numbering of the next row is not a cell: 0000000 then 2.重复申请', () => {
    expect(splitRunTogether('1.信访举报投诉类申请00000002.重复申请4000004', true)).toEqual([
      '1.信访举报投诉类申请',
      '0000000',
      '2.重复申请',
      '4000004',
    ])
  })

  it('a decimal amount stays one part', () => {
    expect(splitRunTogether('行政事业性收费19167.08326三、收到和处理', true)).toEqual([
      '行政事业性收费',
      '19167.08326',
      '三、收到和处理',
    ])
  })
})
