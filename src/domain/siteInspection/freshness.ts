import type { CalendarDay } from '../calendar/calendarDay.js'
import { daysBetween } from '../calendar/calendarDay.js'

// 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“栏目不更新”：动态、要闻类栏目超过2周未更新；
// 通知公告、政策文件类栏目超过6个月未更新；人事、规划计划类栏目超过1年未更新；空白栏目（开设以来无任何信息）。
// A column the rules give no period (概况、机构职能、按事项发生公开的许可处罚 …) is 'asNeeded': never stale by age.
export const FRESHNESS_CLASSES = [
  { code: 'news', label: '动态、要闻类', days: 14 },
  { code: 'notice', label: '通知公告、政策文件类', days: 183 },
  { code: 'plan', label: '人事、规划计划类', days: 365 },
  { code: 'asNeeded', label: '按需更新（不设期限）', days: null },
] as const

export type FreshnessClass = (typeof FRESHNESS_CLASSES)[number]['code']

export const FRESHNESS_CLASS_CODES = FRESHNESS_CLASSES.map((c) => c.code) as [FreshnessClass, ...FreshnessClass[]]

// Which class the standard and demo columns belong to unless the agency says otherwise (decision 0041).
const DEFAULT_CLASS_OF_SLUG: Record<string, FreshnessClass> = {
  policy: 'notice',
  interpretation: 'notice',
  notices: 'notice',
  news: 'news',
  planning: 'plan',
  personnel: 'plan',
  'annual-reports': 'plan',
}

export interface FreshnessSettings {
  /** column slug → class, over the defaults above */
  classes?: Partial<Record<string, FreshnessClass>>
  /** class → days, over the national rules' periods */
  days?: Partial<Record<FreshnessClass, number>>
}

export function freshnessClassOf(slug: string, s: FreshnessSettings): FreshnessClass {
  return s.classes?.[slug] ?? DEFAULT_CLASS_OF_SLUG[slug] ?? 'asNeeded'
}

export function periodOf(cls: FreshnessClass, s: FreshnessSettings): number | null {
  return s.days?.[cls] ?? FRESHNESS_CLASSES.find((c) => c.code === cls)?.days ?? null
}

export interface ColumnState {
  slug: string
  name: string
  /** the column has sub-columns: its content is theirs */
  parent: boolean
  /** newest public item of the column (sub-columns included); null when it never had one */
  lastPublishedOn: CalendarDay | null
}

export interface ColumnFinding {
  slug: string
  name: string
  kind: 'blank' | 'stale'
  message: string
}

/** The columns that fail: blank (a leaf that never had an item) or older than its class's period on `today`. */
export function columnFindings(
  columns: readonly ColumnState[],
  today: CalendarDay,
  s: FreshnessSettings,
): ColumnFinding[] {
  const out: ColumnFinding[] = []
  for (const c of columns) {
    const cls = freshnessClassOf(c.slug, s)
    const period = periodOf(cls, s)
    if (c.lastPublishedOn === null) {
      if (!c.parent && period !== null)
        out.push({ slug: c.slug, name: c.name, kind: 'blank', message: `空白栏目：「${c.name}」开设以来没有发布信息` })
      continue
    }
    if (period === null) continue
    const age = daysBetween(c.lastPublishedOn, today)
    if (age > period)
      out.push({
        slug: c.slug,
        name: c.name,
        kind: 'stale',
        message: `栏目不更新：「${c.name}」最近一次发布于 ${c.lastPublishedOn}，已 ${age} 天未更新（${labelOf(cls)}栏目期限 ${period} 天）`,
      })
  }
  return out
}

function labelOf(cls: FreshnessClass): string {
  return FRESHNESS_CLASSES.find((c) => c.code === cls)?.label ?? cls
}
