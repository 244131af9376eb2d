// 政务服务事项的类别：行政权力十类（浙江省“八统一”事项目录）与公共服务。Codes are stored; labels are shown.
export const SERVICE_ITEM_KINDS = [
  { code: 'licensing', label: '行政许可' },
  { code: 'penalty', label: '行政处罚' },
  { code: 'enforcement', label: '行政强制' },
  { code: 'levy', label: '行政征收' },
  { code: 'payment', label: '行政给付' },
  { code: 'inspection', label: '行政检查' },
  { code: 'confirmation', label: '行政确认' },
  { code: 'reward', label: '行政奖励' },
  { code: 'adjudication', label: '行政裁决' },
  { code: 'otherPower', label: '其他行政权力' },
  { code: 'publicService', label: '公共服务' },
] as const

export type ServiceItemKind = (typeof SERVICE_ITEM_KINDS)[number]['code']

export const SERVICE_ITEM_KIND_CODES = SERVICE_ITEM_KINDS.map((k) => k.code) as [ServiceItemKind, ...ServiceItemKind[]]

export function serviceItemKindLabel(kind: string): string {
  return SERVICE_ITEM_KINDS.find((k) => k.code === kind)?.label ?? kind
}

/** A kind from its code or its Chinese label (a spreadsheet says 行政许可); undefined when neither. */
export function serviceItemKindOf(text: string): ServiceItemKind | undefined {
  const t = text.trim()
  return SERVICE_ITEM_KINDS.find((k) => k.code === t || k.label === t)?.code
}

/** The sentence the report draft states: 政务服务事项共N项，其中行政许可28项、…. */
export function countsSentence(counts: readonly { label: string; count: number }[]): string {
  const total = counts.reduce((s, c) => s + c.count, 0)
  if (total === 0) return ''
  // larger kinds first, as the reports list them (衢州2020: 行政许可28项，其他行政权力22项 …)
  const ordered = [...counts].sort((a, b) => b.count - a.count)
  return `公开政务服务事项${counts.length}大类共${total}项，其中${ordered.map((c) => `${c.label}${c.count}项`).join('、')}，每项均公开办事指南（申请条件、申报材料、办理流程、设定依据等）。`
}
