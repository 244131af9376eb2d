import type { ApplicationRowDef } from './types.js'

// 年度报告格式 表三「收到和处理政府信息公开申请情况」: the same skeleton in 2019 and 2021 except （六）.
// Labels exactly as the national forms print them (law-and-formats.md §2.2).

export const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
export const TABLE3_COLUMN_GROUP = '申请人情况'
export const TABLE3_ORG_GROUP = '法人或其他组织'
export const TABLE3_COLUMNS = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicWelfare', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  // a check finding names the column on its own: 其他 alone would not say which
  { key: 'otherOrg', label: '其他', fullLabel: '其他（法人或其他组织）' },
  { key: 'total', label: '总计' },
] as const

const RESULTS = '三、本年度办理结果'
const sub = (subgroup: string, rows: [string, string][]): ApplicationRowDef[] =>
  rows.map(([path, label]) => ({ path: `results.${path}`, label, group: RESULTS, subgroup }))

const HEAD: ApplicationRowDef[] = [
  { path: 'newReceived', label: '一、本年新收政府信息公开申请数量', short: '一、本年新收' },
  { path: 'carriedOver', label: '二、上年结转政府信息公开申请数量', short: '二、上年结转' },
  { path: 'results.disclosed', label: '（一）予以公开', group: RESULTS },
  {
    path: 'results.partiallyDisclosed',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    group: RESULTS,
  },
  ...sub('（三）不予公开', [
    ['withheld.stateSecret', '1.属于国家秘密'],
    ['withheld.prohibitedByLaw', '2.其他法律行政法规禁止公开'],
    ['withheld.securityStability', '3.危及“三安全一稳定”'],
    ['withheld.thirdPartyRights', '4.保护第三方合法权益'],
    ['withheld.internalAffairs', '5.属于三类内部事务信息'],
    ['withheld.processInformation', '6.属于四类过程性信息'],
    ['withheld.enforcementFiles', '7.属于行政执法案卷'],
    ['withheld.administrativeQuery', '8.属于行政查询事项'],
  ]),
  ...sub('（四）无法提供', [
    ['unableToProvide.notHeld', '1.本机关不掌握相关政府信息'],
    ['unableToProvide.needsCreation', '2.没有现成信息需要另行制作'],
    ['unableToProvide.unclearAfterSupplement', '3.补正后申请内容仍不明确'],
  ]),
  ...sub('（五）不予处理', [
    ['notProcessed.petitionOrComplaint', '1.信访举报投诉类申请'],
    ['notProcessed.duplicate', '2.重复申请'],
    ['notProcessed.publication', '3.要求提供公开出版物'],
    ['notProcessed.excessiveRepeated', '4.无正当理由大量反复申请'],
    ['notProcessed.confirmOrReissue', '5.要求行政机关确认或重新出具已获取信息'],
  ]),
]

const TAIL: ApplicationRowDef[] = [
  { path: 'results.total', label: '（七）总计', group: RESULTS },
  { path: 'carriedForward', label: '四、结转下年度继续办理', short: '四、结转下年度继续办理' },
]

/** 2019 format (国办公开办函〔2019〕60号): （六）其他处理 is one row. */
export const TABLE3_ROWS_2019: readonly ApplicationRowDef[] = [
  ...HEAD,
  { path: 'results.other.other', label: '（六）其他处理', group: RESULTS },
  ...TAIL,
]

/** 2021 format (国办公开办函〔2021〕30号): （六）其他处理 has three sub-rows. */
export const TABLE3_ROWS_2021: readonly ApplicationRowDef[] = [
  ...HEAD,
  ...sub('（六）其他处理', [
    ['other.noSupplement', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['other.unpaidFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['other.other', '3.其他'],
  ]),
  ...TAIL,
]

// 表四「政府信息公开行政复议、行政诉讼情况」 (identical in 2019 and 2021)
export const TABLE4_KINDS = [
  { key: 'review', label: '行政复议', group: null },
  { key: 'lawsuitDirect', label: '未经复议直接起诉', group: '行政诉讼' },
  { key: 'lawsuitAfterReview', label: '复议后起诉', group: '行政诉讼' },
] as const
export const TABLE4_RESULTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const

export const SECTION_TITLES = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviews: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const
