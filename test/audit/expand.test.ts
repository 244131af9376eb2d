import { describe, expect, it } from 'vitest'
import { agreed, collapseExpansions, digitSplits, rowReadings } from '../../src/audit/expand.js'

const totalIsSum = (c: number[]) => c[6] === c.slice(0, 6).reduce((a, b) => a + b, 0)

describe('rows printed with fewer values than columns', () => {
  it('a collapsed row expands into every run-length reading', () => {
    expect(collapseExpansions([0], 3)).toEqual([[0, 0, 0]])
    const readings = collapseExpansions([1, 0, 1], 4).map((r) => r.join(' '))
    expect(readings.sort()).toEqual(['1 0 0 1', '1 0 1 1', '1 1 0 1'])
  })

  it('equal neighbours were never collapsed, so they rule the collapse reading out', () => {
    expect(collapseExpansions([0, 0], 3)).toEqual([])
  })

  it('run-together digits split without leading zeros', () => {
    expect(digitSplits(['105'], 2)).toEqual([[10, 5]])
    expect(digitSplits(['12', '3'], 3)).toEqual([[1, 2, 3]])
  })

  it('"640020470" has one split whose 总计 is the sum of the six columns: 64 0 0 2 0 4 70', () => {
    expect(rowReadings(['640020470'], 7, totalIsSum)).toEqual([[64, 0, 0, 2, 0, 4, 70]])
  })

  it('"19 0 1 0 20" fits three readings; only the cells they share are known', () => {
    const readings = rowReadings(['19', '0', '1', '0', '20'], 7, totalIsSum)
    expect(readings).toHaveLength(3)
    expect(agreed(readings, 7)).toEqual([19, 0, null, null, null, 0, 20])
  })

  it('a row printed in full is read as printed, even when its sum is broken', () => {
    expect(rowReadings(['1', '2', '3', '4', '5', '6', '7'], 7, totalIsSum)).toEqual([[1, 2, 3, 4, 5, 6, 7]])
  })

  it('no reading at all when nothing fits', () => {
    expect(rowReadings(['5', '3'], 7, totalIsSum)).toEqual([])
    expect(agreed([], 3)).toEqual([null, null, null])
  })
})
