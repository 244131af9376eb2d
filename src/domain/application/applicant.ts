// 年度报告表三「申请人情况」: the applicant columns, in the table's order.
export const APPLICANT_KINDS = [
  { code: 'naturalPerson', label: '自然人' },
  { code: 'commercial', label: '商业企业' },
  { code: 'research', label: '科研机构' },
  { code: 'publicWelfare', label: '社会公益组织' },
  { code: 'legalService', label: '法律服务机构' },
  { code: 'otherOrg', label: '其他' },
] as const

export type ApplicantKind = (typeof APPLICANT_KINDS)[number]['code']

export const APPLICANT_KIND_CODES: readonly ApplicantKind[] = APPLICANT_KINDS.map((k) => k.code)

// 《条例》第三十一条: how the application arrived decides its receipt date.
export const CHANNELS = [
  { code: 'inPerson', label: '当面' },
  { code: 'letter', label: '信函' },
  { code: 'online', label: '网络' },
  { code: 'fax', label: '传真' },
  { code: 'other', label: '其他' },
] as const

export type Channel = (typeof CHANNELS)[number]['code']

/** Topics of the legacy 统计表 「申请类型数」 (the 衢州 seed prints 18). */
export const TOPICS = [
  '财政预决算',
  '征收补偿',
  '规划计划',
  '重大建设项目审批及实施',
  '工商管理',
  '食品药品',
  '环境保护',
  '公共资源监管',
  '劳动就业及社会保障',
  '社会救助及扶贫',
  '医疗卫生及计生',
  '教育信息',
  '统计信息',
  '行政处罚',
  '人事信息',
  '价格收费',
  '企业信用',
  '其它',
] as const

export type Topic = (typeof TOPICS)[number]

export function isApplicantKind(s: string): s is ApplicantKind {
  return (APPLICANT_KIND_CODES as readonly string[]).includes(s)
}
