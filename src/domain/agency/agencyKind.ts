/**
 * What kind of administrative organ an agency is, as far as 《中华人民共和国行政复议法》（2023年修订）第二十四至二十八条
 * decide who reviews its acts. An administrator sets it and confirms the body it gives (docs/decisions/0010).
 */
export const AGENCY_KIND_CODES = [
  'provincialGovernment',
  'localGovernment',
  'department',
  'justiceDepartment',
  'dispatched',
  'vertical',
  'stateCouncilDepartment',
] as const

export type AgencyKind = (typeof AGENCY_KIND_CODES)[number]

const LABELS: Record<AgencyKind, string> = {
  provincialGovernment: '省、自治区、直辖市人民政府',
  localGovernment: '设区的市、县（区）、乡镇人民政府',
  department: '县级以上地方人民政府工作部门',
  justiceDepartment: '司法行政部门（履行行政复议机构职责的）',
  dispatched: '派出机关、派出机构或法律法规授权的组织',
  vertical: '实行垂直领导的机关（海关、金融、外汇管理、税务、国家安全机关）',
  stateCouncilDepartment: '国务院部门',
}

export const AGENCY_KINDS = AGENCY_KIND_CODES.map((code) => ({ code, label: LABELS[code] }))

export function agencyKindLabel(kind: AgencyKind): string {
  return LABELS[kind]
}

const VERTICAL = /海关|税务|金融监[督管]|金融监督管理|外汇管理|国家安全/
const REGION = /[省市县区州旗盟]|自治区|地区/
const PROVINCE_GOVERNMENT = /^(.{2,}省|.{2,}自治区|北京市|天津市|上海市|重庆市)人民政府$/

/**
 * The kind an agency's name suggests, for the administrator to confirm (never used unconfirmed without saying so):
 * e.g. 国家税务总局福州市税务局 → vertical, 国家税务总局 → stateCouncilDepartment, 福建省人民政府 → provincialGovernment.
 */
export function suggestAgencyKind(name: string): AgencyKind {
  const n = name.trim()
  if (PROVINCE_GOVERNMENT.test(n)) return 'provincialGovernment'
  if (/人民政府$/.test(n)) return 'localGovernment'
  // a unit below a national administration (国家税务总局福州市税务局, 国家金融监督管理总局福建监管局): vertical
  if (VERTICAL.test(n) && (/(总局|总署).+/.test(n) || (REGION.test(n) && !/^国家/.test(n)) || /.+海关$/.test(n)))
    return 'vertical'
  if (/^(国务院|国家|中华人民共和国|中国人民银行|海关总署)/.test(n)) return 'stateCouncilDepartment'
  if (/^(.{1,6}部|.{2,8}总局|.{2,8}委员会)$/.test(n) && !REGION.test(n)) return 'stateCouncilDepartment'
  if (VERTICAL.test(n)) return 'vertical'
  if (/街道办事处$|派出所$/.test(n)) return 'dispatched'
  if (/司法[局厅]$/.test(n)) return 'justiceDepartment'
  return 'department'
}

/**
 * The people's government a department's name places it under, read from the longest run of region names at its
 * start (杭州市西湖区城市管理局 → 杭州市西湖区人民政府): the fallback for an agency with no parent set, shown as unconfirmed.
 */
export function governmentFromName(name: string): string | null {
  const unit = '(?:省|自治区|自治州|地区|市|县|区|旗|盟)'
  // the first region may have a one-character name (沙县, 甲市); later ones need two, so 城市管理局 is not a region
  const m = new RegExp(`^([^省市县区旗盟]{1,8}?${unit}(?:[^省市县区旗盟]{2,8}?${unit})*)`).exec(name.trim())
  return m?.[1] ? `${m[1]}人民政府` : null
}
