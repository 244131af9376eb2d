import { describe, expect, it } from 'vitest'
import { formatIndexNo, parseIndexNo, serialWidthOf } from '../../src/domain/catalog/indexNo.js'
import { nextState, stepsFor } from '../../src/domain/catalog/workflow.js'

describe('索引号', () => {
  it.each([
    ['113308000026188164', 2021, 119608, 6, '113308000026188164/2021-119608'], // the 衢州 seed's header
    ['11441700007280420Y', 2021, 50, 5, '11441700007280420Y/2021-00050'], // Guangdong gkmlpt style
  ])('%s, %i, serial %i, width %i → %s', (code, year, serial, width, expected) => {
    expect(formatIndexNo(code, year, serial, width)).toBe(expected)
    expect(parseIndexNo(expected)).toEqual({ agencyCode: code, year, serial })
  })

  it('takes the serial width from the agency settings, 5 unless set to 3–9', () => {
    expect([
      serialWidthOf({}),
      serialWidthOf({ indexSerialWidth: 6 }),
      serialWidthOf({ indexSerialWidth: 12 }),
    ]).toEqual([5, 6, 5])
  })
})

describe('review chain', () => {
  it('the head of the agency reviews major items only', () => {
    expect(stepsFor(false)).toEqual(['department', 'leader', 'secrecy'])
    expect(stepsFor(true)).toEqual(['department', 'leader', 'secrecy', 'head'])
  })

  it('an item cannot skip a step', () => {
    const r = nextState(
      { status: 'inReview', step: 'department', major: false },
      { kind: 'approve', step: 'secrecy', comment: '' },
      { name: '保密办', role: 'reviewerSecrecy' },
    )
    expect(r).toEqual({ ok: false, reason: '该信息当前不在「保密审查」环节' })
  })
})
