// The personal data a published document may hold (issue 17; the 福州 seed: "对于其他涉及个人隐私的政府信息，公开时做好
// 去标识化处理"). A finding is one stretch of a text; its masked form follows the national conventions.

export const PERSONAL_DATA_KINDS = [
  { code: 'idNumber', label: '身份证号' },
  { code: 'mobile', label: '手机号码' },
  { code: 'landline', label: '固定电话' },
  { code: 'bankCard', label: '银行卡号' },
  { code: 'plate', label: '车牌号' },
  { code: 'address', label: '详细地址' },
  { code: 'name', label: '自然人姓名' },
] as const
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number]['code']

export interface Finding {
  kind: PersonalDataKind
  /** UTF-16 offsets into the text examined: text.slice(start, end) === found */
  start: number
  end: number
  found: string
  /** what replaces `found` when the finding is accepted, e.g. 3501**********1234, 张某某 */
  masked: string
}

export function kindLabel(kind: string): string {
  return PERSONAL_DATA_KINDS.find((k) => k.code === kind)?.label ?? kind
}
