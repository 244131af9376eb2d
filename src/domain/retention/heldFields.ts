import { maskEmail, maskFinding, maskNumber } from '../privacy/index.js'

/** Keys the page shows elsewhere (the name above, the kind of applicant with the case). */
const SHOWN_ELSEWHERE = new Set(['name', 'applicantKind'])

// the application form's choices (services/cases/publicApplication.ts), as the applicant chose them
const ID_TYPE_LABELS: Record<string, string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macao-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'foreign-permanent-resident': '外国人永久居留身份证',
  other: '其他有效身份证件',
}

const labelOf = (labels: Record<string, string>) => (v: string) => labels[v] ?? v

/** The applicant's details as the application form names them (《条例》第二十九条), in the form's order. */
const FIELDS: readonly { key: string; label: string; mask?: (v: string) => string; choice?: (v: string) => string }[] =
  [
    { key: 'idType', label: '证件类型', choice: labelOf(ID_TYPE_LABELS) },
    { key: 'idNumber', label: '证件号码', mask: maskNumber },
    { key: 'orgName', label: '单位名称' },
    { key: 'orgCode', label: '统一社会信用代码', mask: maskNumber },
    { key: 'legalRepresentative', label: '法定代表人或负责人', mask: (v) => maskFinding('name', v) },
    { key: 'contactName', label: '联系人', mask: (v) => maskFinding('name', v) },
    { key: 'phone', label: '联系电话', mask: maskNumber },
    { key: 'email', label: '电子邮箱', mask: maskEmail },
    { key: 'address', label: '通信地址', mask: (v) => maskFinding('address', v) },
    { key: 'postalCode', label: '邮政编码' },
    { key: 'format', label: '信息形式', choice: labelOf({ electronic: '电子', paper: '纸质' }) },
    {
      key: 'delivery',
      label: '获取信息的方式',
      choice: labelOf({ electronic: '网上下载或电子邮件', paper: '邮寄', pickup: '当面领取' }),
    },
    {
      key: 'secondFactor',
      label: '下载验证方式',
      choice: labelOf({ idTail: '证件号码后6位', email: '电子邮件验证码', phone: '短信验证码' }),
    },
    // the vault's mark on an anonymised case (services/personalData/vault.ts)
    { key: 'anonymisedOn', label: '匿名化日期' },
  ]

/**
 * What the agency holds about an applicant, field by field: `shown` masked for the applicant's screen (the full
 * values go only into the export after the second factor), `full` for the staff's copy; the known fields in the
 * form's order, then any other stored key.
 */
export function heldFields(
  name: string,
  details: Record<string, unknown>,
): { key: string; label: string; shown: string; full: string }[] {
  const out = [
    { key: 'name', label: '姓名或名称', shown: name.startsWith('（') ? name : maskFinding('name', name), full: name },
  ]
  const text = (v: unknown) =>
    typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : JSON.stringify(v)
  for (const f of FIELDS) {
    const v = text(details[f.key])
    const full = f.choice ? f.choice(v) : v
    if (v) out.push({ key: f.key, label: f.label, shown: f.mask ? f.mask(v) : full, full })
  }
  for (const [key, value] of Object.entries(details))
    if (!FIELDS.some((f) => f.key === key) && !SHOWN_ELSEWHERE.has(key) && text(value))
      out.push({ key, label: key, shown: maskNumber(text(value)), full: text(value) })
  return out
}
