// Catalog metadata as data: the vocabularies a document's fields are drawn from.

/** 公开方式 */
export const DISCLOSURES = [
  { code: 'active', label: '主动公开' },
  { code: 'onRequest', label: '依申请公开' },
  { code: 'withheld', label: '不予公开' },
] as const

/** 有效性: an expired or repealed item stays in the catalog, marked */
export const VALIDITIES = [
  { code: 'valid', label: '有效' },
  { code: 'expired', label: '失效' },
  { code: 'repealed', label: '废止' },
] as const
export type Validity = (typeof VALIDITIES)[number]['code']

/** 发布渠道 (the 衢州 seed's table counts 门户网站 portal, 政务微信 wechat, 政务微博 weibo, 其他方式 other) */
export type PublicationChannel = 'portal' | 'wechat' | 'weibo' | 'other'

// 《条例》第二十条: the categories of information an agency publishes on its own initiative
export const ART20_CATEGORIES = [
  { code: 'art20_1', label: '（一）行政法规、规章和规范性文件' },
  { code: 'art20_2', label: '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名' },
  { code: 'art20_3', label: '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { code: 'art20_4', label: '（四）国民经济和社会发展统计信息' },
  { code: 'art20_5', label: '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果' },
  {
    code: 'art20_6',
    label: '（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  },
  { code: 'art20_7', label: '（七）财政预算、决算信息' },
  { code: 'art20_8', label: '（八）行政事业性收费项目及其依据、标准' },
  { code: 'art20_9', label: '（九）政府集中采购项目的目录、标准及实施情况' },
  { code: 'art20_10', label: '（十）重大建设项目的批准和实施情况' },
  { code: 'art20_11', label: '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况' },
  { code: 'art20_12', label: '（十二）突发公共事件的应急预案、预警信息及应对情况' },
  { code: 'art20_13', label: '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况' },
  { code: 'art20_14', label: '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果' },
  { code: 'art20_15', label: '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息' },
] as const

export function labelOf<T extends { code: string; label: string }>(
  list: readonly T[],
  code: string | null | undefined,
): string {
  return list.find((x) => x.code === code)?.label ?? ''
}
