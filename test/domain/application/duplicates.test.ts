import { describe, expect, it } from 'vitest'
import { requestSimilarity, SIMILAR_FROM, similarRequests } from '../../../src/domain/application/duplicates.js'

// 《条例》第三十六条第（六）项: the office judges a repeat; the system shows the applicant's close earlier requests (decision 0013)
describe('earlier requests close to this one', () => {
  it.each<[string, string, boolean]>([
    ['请公开2025年某小区加装电梯补助资金发放名单', '请公开2025年某小区加装电梯补助资金的发放名单', true],
    ['请公开2025年某小区加装电梯补助资金发放名单', '2025年某小区加装电梯补助资金发放名单', true],
    ['请公开2025年某小区加装电梯补助资金发放名单', '请公开2026年全市道路维修计划', false],
    ['请公开某地块征收补偿方案', '请公开某地块征收补偿方案。', true],
  ])('%s ~ %s: %s', (a, b, close) => {
    expect(requestSimilarity(a, b) >= SIMILAR_FROM).toBe(close)
  })

  it('the same wording is 1, nothing in common is 0', () => {
    expect(requestSimilarity('征收补偿方案', '征收补偿方案')).toBe(1)
    expect(requestSimilarity('征收补偿方案', '道路维修计划')).toBe(0)
  })

  it('lists the close ones, closest first', () => {
    const earlier = [
      { ref: 'A', description: '请公开某地块征收补偿方案及附件' },
      { ref: 'B', description: '请公开2026年全市道路维修计划' },
      { ref: 'C', description: '请公开某地块征收补偿方案' },
    ]
    expect(similarRequests('请公开某地块征收补偿方案', earlier).map((e) => e.ref)).toEqual(['C', 'A'])
  })
})
