import { describe, expect, it } from 'vitest'
import { crossCheck, readNarrative } from '../../src/audit/narrative.js'
import type { AnnualReport } from '../../src/domain/report/model.js'

describe('figures the text states', () => {
  it('reads the plain wordings of received, concluded and answered applications', () => {
    expect(readNarrative('2020年共收到政府信息公开申请49件，全部按时做出答复')).toEqual({ received: 49 })
    expect(readNarrative('2022年共受理政府信息公开申请347件，办结346件，结转1件')).toEqual({
      received: 347,
      concluded: 346,
    })
    expect(readNarrative('全年共答复政府信息公开申请\n20\n件')).toEqual({ answered: 20 })
  })

  it('reads outcome figures, but not "予以公开或部分公开" sums', () => {
    expect(readNarrative('属于已公开或部分公开343件；不予公开35件；因本机关不掌握等原因无法提供146件')).toEqual({
      withheld: 35,
      unableToProvide: 146,
    })
  })

  it('reads the year’s reviews and lawsuits, never an all-years 累计 figure', () => {
    expect(readNarrative('发生行政复议4件、行政诉讼4件。')).toEqual({ reviews: 4, lawsuits: 4 })
    expect(readNarrative('全市因政府信息公开累计申请行政复议18件、提起行政诉讼35件')).toEqual({})
  })

  it('full-width digits and quotes are read as their plain forms', () => {
    expect(readNarrative('“同意部分公开”的为５件')).toEqual({ partiallyDisclosed: 5 })
  })
})

describe('text against table', () => {
  const legacy = (l: Record<string, number | null>): AnnualReport => ({
    format: 'legacy',
    year: 2008,
    agency: { name: '莆田市人民政府' },
    legacy: l,
    findings: [],
  })

  it('a stated figure its table does not show is a narrative.* finding saying both numbers', () => {
    const f = crossCheck(legacy({ 'answers.partial': 12, 'applications.received': 100 }), {
      partiallyDisclosed: 5,
      received: 100,
    })
    expect(f).toEqual([
      {
        rule: 'narrative.partiallyDisclosed',
        expected: 12,
        actual: 5,
        message: '正文称部分公开5件，但表格中为12件，相差7件',
      },
    ])
  })

  it('nothing to compare with (no such row, or a null cell) is no finding', () => {
    expect(crossCheck(legacy({ 'answers.partial': null }), { partiallyDisclosed: 5, other: 7 })).toEqual([])
  })
})
