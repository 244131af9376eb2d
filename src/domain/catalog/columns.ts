// 国办公开办函〔2019〕61号: the 政府信息公开 column of every agency has the same four parts
// (政府信息公开指南 / 政府信息公开制度 / 法定主动公开内容 / 政府信息公开年报); agencies add sub-columns.

type ColumnKind = 'guide' | 'rules' | 'statutory' | 'annual' | 'custom'

export interface ColumnSpec {
  slug: string
  name: string
  kind: ColumnKind
  parentSlug?: string
  art20?: string
}

export const STANDARD_COLUMNS: readonly ColumnSpec[] = [
  { slug: 'guide', name: '政府信息公开指南', kind: 'guide' },
  { slug: 'rules', name: '政府信息公开制度', kind: 'rules' },
  { slug: 'statutory', name: '法定主动公开内容', kind: 'statutory' },
  { slug: 'annual-reports', name: '政府信息公开年报', kind: 'annual' },
]

/** A column slug as agencies may configure it: lower-case letters, digits and hyphens. */
export function isColumnSlug(s: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,39}$/.test(s)
}
