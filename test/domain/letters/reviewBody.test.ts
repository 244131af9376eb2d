import { describe, expect, it } from 'vitest'
import type { AgencyKind } from '../../../src/domain/agency/agencyKind.js'
import { governmentFromName, suggestAgencyKind } from '../../../src/domain/agency/agencyKind.js'
import type { KindedAgency } from '../../../src/domain/agency/reviewBody.js'
import { reviewBodyOf } from '../../../src/domain/agency/reviewBody.js'

const a = (name: string, kind: AgencyKind): KindedAgency => ({ name, kind })
const 浙江 = a('浙江省人民政府', 'provincialGovernment')
const 杭州 = a('杭州市人民政府', 'localGovernment')
const 西湖区 = a('杭州市西湖区人民政府', 'localGovernment')
const 福建 = a('福建省人民政府', 'provincialGovernment')
const 福州 = a('福州市人民政府', 'localGovernment')
const 税务总局 = a('国家税务总局', 'stateCouncilDepartment')
const 福建税务 = a('国家税务总局福建省税务局', 'vertical')
const 海关总署 = a('海关总署', 'stateCouncilDepartment')
const 金融监管总局 = a('国家金融监督管理总局', 'stateCouncilDepartment')
const 福建金融监管 = a('国家金融监督管理总局福建监管局', 'vertical')

const LAW = '《中华人民共和国行政复议法》'

// 行政复议法（2023年修订）第二十四至二十八条: who reviews the acts of each kind of agency.
describe('the review body an agency’s letters name (行政复议法 2023)', () => {
  it.each<[string, KindedAgency, KindedAgency[], string, string]>([
    // 第二十四条第一款第（一）项：本级人民政府工作部门 → 本级人民政府; a district department goes to the district
    [
      'a district department',
      a('杭州市西湖区城市管理局', 'department'),
      [西湖区, 杭州, 浙江],
      '杭州市西湖区人民政府',
      '第二十四条第一款第（一）项',
    ],
    // 第二十四条第一款第（一）项：a city department → the city government
    [
      'a city department',
      a('杭州市教育局', 'department'),
      [杭州, 浙江],
      '杭州市人民政府',
      '第二十四条第一款第（一）项',
    ],
    // 第二十四条第一款第（一）项：a provincial department → the provincial government
    [
      'a provincial department',
      a('浙江省财政厅', 'department'),
      [浙江],
      '浙江省人民政府',
      '第二十四条第一款第（一）项',
    ],
    // 第二十四条第一款第（二）项：下一级人民政府 → 上一级人民政府 (a township government → the county/district)
    [
      'a township government',
      a('杭州市西湖区三墩镇人民政府', 'localGovernment'),
      [西湖区, 杭州, 浙江],
      '杭州市西湖区人民政府',
      '第二十四条第一款第（二）项',
    ],
    // 第二十四条第一款第（二）项：a district government → the city government
    ['a district government', 西湖区, [杭州, 浙江], '杭州市人民政府', '第二十四条第一款第（二）项'],
    // 第二十四条第一款第（二）项：a city government → the provincial government
    ['a city government', 福州, [福建], '福建省人民政府', '第二十四条第一款第（二）项'],
    // 第二十四条第二款：省、自治区、直辖市人民政府同时管辖对本机关作出的行政行为不服的案件
    ['a province', 福建, [], '福建省人民政府', '第二十四条第二款'],
    // 第二十四条第二款：a municipality directly under the central government reviews its own acts too
    ['a municipality', a('上海市人民政府', 'provincialGovernment'), [], '上海市人民政府', '第二十四条第二款'],
    // 第二十五条第（一）项：国务院部门管辖对本部门作出的行政行为不服的案件
    [
      'a 国务院部门',
      a('中华人民共和国教育部', 'stateCouncilDepartment'),
      [],
      '中华人民共和国教育部',
      '第二十五条第（一）项',
    ],
    // 第二十七条：税务 → 上一级主管部门 (a city tax bureau → the provincial tax bureau)
    [
      'a city tax bureau (税务)',
      a('国家税务总局福州市税务局', 'vertical'),
      [福建税务, 税务总局],
      '国家税务总局福建省税务局',
      '第二十七条',
    ],
    // 第二十七条：a provincial tax bureau → 国家税务总局
    ['a provincial tax bureau (税务)', 福建税务, [税务总局], '国家税务总局', '第二十七条'],
    // 第二十七条：海关 → 上一级主管部门 (a 直属海关 → 海关总署)
    ['a customs office (海关)', a('福州海关', 'vertical'), [海关总署], '海关总署', '第二十七条'],
    // 第二十七条：金融 → 上一级主管部门 (a 监管分局 → the provincial 监管局)
    [
      'a financial regulator branch (金融监管)',
      a('国家金融监督管理总局福州监管分局', 'vertical'),
      [福建金融监管, 金融监管总局],
      '国家金融监督管理总局福建监管局',
      '第二十七条',
    ],
    // 第二十八条：司法行政部门 → 本级人民政府 (the applicant may also go to the higher 司法行政部门)
    ['a justice bureau', a('福州市司法局', 'justiceDepartment'), [福州, 福建], '福州市人民政府', '第二十八条'],
    // 第二十四条第一款第（三）项：本级人民政府依法设立的派出机关 → that government (a 街道办事处 → the district)
    [
      'a sub-district office (派出机关)',
      a('杭州市西湖区北山街道办事处', 'dispatched'),
      [西湖区, 杭州],
      '杭州市西湖区人民政府',
      '第二十四条第一款第（三）项、第（四）项、第四款',
    ],
    // 第二十四条第四款：工作部门依法设立的派出机构 → 本级人民政府 (a 派出所 under the city's 公安局)
    [
      'a police station (派出机构)',
      a('杭州市公安局西湖派出所', 'dispatched'),
      [a('杭州市公安局', 'department'), 杭州],
      '杭州市人民政府',
      '第二十四条第一款第（三）项、第（四）项、第四款',
    ],
  ])('%s', (_name, agency, ancestors, body, article) => {
    const r = reviewBodyOf(agency, ancestors)
    expect(r.body).toBe(body)
    expect(r.article).toBe(`${LAW}${article}`)
  })

  it('a people’s government never reviews its own acts below the province (it goes one level up)', () => {
    expect(reviewBodyOf(杭州, [浙江]).body).not.toBe('杭州市人民政府')
  })

  it.each<[string, KindedAgency]>([
    ['a department with no parent', a('杭州市西湖区城市管理局', 'department')],
    ['a tax bureau with no parent', a('国家税务总局福州市税务局', 'vertical')],
    ['a city government with no parent', 杭州],
  ])('%s has no body until an administrator sets its parent', (_name, agency) => {
    const r = reviewBodyOf(agency, [])
    expect(r.body).toBeNull()
    expect(r.missing).toMatch(/^请将/)
  })
})

describe('the kind an agency’s name suggests, for the administrator to confirm', () => {
  it.each<[string, AgencyKind]>([
    ['国家税务总局福州市税务局', 'vertical'],
    ['福州海关', 'vertical'],
    ['国家金融监督管理总局福建监管局', 'vertical'],
    ['国家税务总局', 'stateCouncilDepartment'],
    ['海关总署', 'stateCouncilDepartment'],
    ['福建省人民政府', 'provincialGovernment'],
    ['上海市人民政府', 'provincialGovernment'],
    ['杭州市西湖区人民政府', 'localGovernment'],
    ['杭州市西湖区城市管理局', 'department'],
    ['杭州市西湖区北山街道办事处', 'dispatched'],
    ['福州市司法局', 'justiceDepartment'],
  ])('%s → %s', (name, kind) => {
    expect(suggestAgencyKind(name)).toBe(kind)
  })

  it.each<[string, string | null]>([
    // the whole run of region names, not the first: 西湖区, not 杭州市 (issue 11 point 1)
    ['杭州市西湖区城市管理局', '杭州市西湖区人民政府'],
    ['衢州市住房和城乡建设局', '衢州市人民政府'],
    ['福州市城市管理委员会', '福州市人民政府'],
    ['甲市住房和城乡建设局', '甲市人民政府'],
    ['某局', null],
  ])('a department named %s is placed under %s', (name, government) => {
    expect(governmentFromName(name)).toBe(government)
  })
})
