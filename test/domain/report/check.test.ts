import { describe, expect, it } from 'vitest'
import { checkReport } from '../../../src/domain/report/check.js'
import type { AnnualReport, ApplicationsTable, Row7 } from '../../../src/domain/report/model.js'

const zeros = (): Row7 => [0, 0, 0, 0, 0, 0, 0]
/** a row with the given applicant cells and its total column computed */
const row = (...cells: number[]): Row7 => {
  const six = [...cells, 0, 0, 0, 0, 0, 0].slice(0, 6)
  return [...six, six.reduce((a, b) => a + b, 0)]
}

function table2021(): ApplicationsTable {
  return {
    columns: ['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg', 'total'],
    newReceived: row(48, 0, 0, 0, 0, 1),
    carriedOver: zeros(),
    results: {
      disclosed: row(7),
      partiallyDisclosed: row(3),
      withheld: {
        stateSecret: zeros(),
        prohibitedByLaw: zeros(),
        securityStability: zeros(),
        thirdPartyRights: zeros(),
        internalAffairs: row(1),
        processInformation: row(2),
        enforcementFiles: zeros(),
        administrativeQuery: zeros(),
      },
      unableToProvide: { notHeld: row(27, 0, 0, 0, 0, 1), needsCreation: row(4), unclearAfterSupplement: zeros() },
      notProcessed: {
        petitionOrComplaint: row(4),
        duplicate: zeros(),
        publication: zeros(),
        excessiveRepeated: zeros(),
        confirmOrReissue: zeros(),
      },
      other: { noSupplement: zeros(), unpaidFee: zeros(), other: zeros() },
      total: row(48, 0, 0, 0, 0, 1),
    },
    carriedForward: zeros(),
  }
}

function report(patch: Partial<AnnualReport> = {}): AnnualReport {
  const none = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }
  return {
    format: '2021',
    year: 2022,
    agency: { name: '测试局' },
    applications: table2021(),
    reviewsAndLawsuits: {
      review: { upheld: 4, corrected: 0, other: 0, pending: 0, total: 4 },
      lawsuitDirect: { ...none },
      lawsuitAfterReview: { ...none },
    },
    findings: [],
    ...patch,
  }
}

describe('checkReport: table 三', () => {
  it('a consistent report has no findings', () => {
    expect(checkReport(report())).toEqual([])
  })

  it('新收 + 上年结转 must equal 总计 + 结转下年度 in every column', () => {
    const r = report()
    r.applications!.carriedOver = row(2) // 自然人 2 more received, nothing more answered
    const rules = checkReport(r).filter((f) => f.rule === 'applications.balance')
    expect(rules.map((f) => f.column)).toEqual(['naturalPerson', 'total'])
    expect(rules[0]).toMatchObject({ expected: 50, actual: 48 })
    expect(rules[0]!.message).toContain('自然人列')
    expect(rules[0]!.message).toContain('相差2')
  })

  it('总计 row must be the sum of every result sub-row, per column', () => {
    const r = report()
    r.applications!.results.unableToProvide.needsCreation = row(5) // 4 → 5 without touching 总计
    const found = checkReport(r).filter((f) => f.rule === 'applications.resultsTotal')
    expect(found.map((f) => [f.column, f.expected, f.actual])).toEqual([
      ['naturalPerson', 48, 49],
      ['total', 49, 50],
    ])
    expect(found[0]!.message).toContain('（七）总计为48')
    expect(found[0]!.message).toContain('没有现成信息需要另行制作(5)')
  })

  it('the 总计 column must be the sum of the six applicant columns, per row', () => {
    const r = report()
    r.applications!.results.disclosed = [7, 0, 0, 0, 0, 0, 8]
    const found = checkReport(r).filter((f) => f.rule === 'applications.columnsTotal')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ row: 'results.disclosed', expected: 8, actual: 7 })
    expect(found[0]!.message).toContain('（一）予以公开')
  })

  it('a null cell is never guessed: identities through it are skipped', () => {
    const r = report()
    r.applications!.results.disclosed = [null, 0, 0, 0, 0, 0, 7]
    r.applications!.newReceived = [null, 0, 0, 0, 0, 1, 50] // 总计 column off by one, but 自然人 unknown
    const found = checkReport(r)
    expect(found.every((f) => f.column !== 'naturalPerson')).toBe(true)
    expect(found.map((f) => f.rule)).toEqual(['applications.balance'])
    expect(found[0]).toMatchObject({ column: 'total', expected: 50, actual: 49 })
  })

  it('the 2019 format has one （六）其他处理 row and is checked with it', () => {
    const r = report({ format: '2019' })
    r.applications!.results.other = { other: row(1) }
    r.applications!.results.total = row(49, 0, 0, 0, 0, 1)
    r.applications!.newReceived = row(49, 0, 0, 0, 0, 1)
    expect(checkReport(r)).toEqual([])
  })
})

describe('checkReport: table 四', () => {
  it('each 总计 must be 维持 + 纠正 + 其他 + 尚未审结', () => {
    const r = report()
    r.reviewsAndLawsuits!.lawsuitAfterReview = { upheld: 1, corrected: 0, other: 0, pending: 1, total: 1 }
    const found = checkReport(r)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ rule: 'reviews.total', row: 'lawsuitAfterReview', expected: 1, actual: 2 })
    expect(found[0]!.message).toContain('复议后起诉')
    expect(found[0]!.message).toContain('相差1')
  })
})

describe('checkReport: the legacy 统计表', () => {
  const legacy = () => ({
    'applications.received': 18,
    'applications.inPerson': 0,
    'applications.fax': 0,
    'applications.online': 10,
    'applications.letter': 8,
    'applications.completed': 18,
    'applications.onTime': 18,
    'applications.extended': 0,
    'answers.total': 18,
    'answers.alreadyPublic': 1,
    'answers.disclosed': 7,
    'answers.partial': 0,
    'answers.refused': 0,
    'answers.notThisAgency': 8,
    'answers.notExist': 0,
    'answers.askCorrection': 0,
    'answers.otherChannel': 2,
    'types.total': 18,
    'types.4': 13,
    'types.18': 5,
  })
  const legacyReport = (l: Record<string, number | null>) =>
    report({ format: 'legacy', applications: undefined, reviewsAndLawsuits: undefined, legacy: l })

  it('holds when 申请数, 办结数, 答复数 and 类型数 equal the sums of their items', () => {
    expect(checkReport(legacyReport(legacy()))).toEqual([])
  })

  it('申请数 must equal the sum over channels', () => {
    const found = checkReport(legacyReport({ ...legacy(), 'applications.letter': 9 }))
    expect(found.map((f) => f.rule)).toEqual(['legacy.channels'])
    expect(found[0]).toMatchObject({ expected: 18, actual: 19 })
    expect(found[0]!.message).toContain('信函申请数(9)')
  })

  it('办结 must equal 按时 + 延期, and 答复数 the sum of answer kinds', () => {
    const found = checkReport(legacyReport({ ...legacy(), 'applications.extended': 1, 'answers.otherChannel': 3 }))
    expect(found.map((f) => f.rule)).toEqual(['legacy.completed', 'legacy.answers'])
  })

  it('申请类型数 must equal the sum of the 18 types', () => {
    const found = checkReport(legacyReport({ ...legacy(), 'types.18': 4 }))
    expect(found.map((f) => [f.rule, f.expected, f.actual])).toEqual([['legacy.types', 18, 17]])
  })

  it('a second column (历年累计) is checked on its own', () => {
    const found = checkReport(
      legacyReport({
        'answers.total': 777,
        'answers.disclosed': 311,
        'answers.partial': 166,
        'answers.refused': 26,
        'answers.other': 274,
        'answers.total@cumulative': 3878,
        'answers.disclosed@cumulative': 2297,
        'answers.partial@cumulative': 285,
        'answers.refused@cumulative': 117,
        'answers.other@cumulative': 1178,
      }),
    )
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('历年累计')
    expect(found[0]).toMatchObject({ expected: 3878, actual: 3877 })
  })

  it('a null item leaves its sum unchecked', () => {
    expect(checkReport(legacyReport({ ...legacy(), 'applications.letter': null, 'applications.online': 99 }))).toEqual(
      [],
    )
  })
})

describe('checkReport: the 统计表 staff and office items', () => {
  it('工作人员数 must equal 专职 + 兼职, and 机构数 专门 + 兼职', () => {
    const r: AnnualReport = {
      format: 'legacy',
      year: 2020,
      agency: { name: '衢州市住房和城乡建设局' },
      legacy: {
        'staff.bodies': 1,
        'staff.dedicatedBodies': 0,
        'staff.partTimeBodies': 1,
        'staff.people': 1,
        'staff.fullTime': 0,
        'staff.partTime': 2,
      },
      findings: [],
    }
    const found = checkReport(r)
    expect(found.map((f) => [f.rule, f.expected, f.actual])).toEqual([['legacy.staff', 1, 2]])
    expect(found[0]!.message).toBe(
      '统计表：从事政府信息公开工作人员数为1，但其中：专职人员数(0)+兼职人员数(2)=2，相差1',
    )
  })
})
