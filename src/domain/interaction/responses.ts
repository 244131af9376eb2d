/**
 * Responses to public concern (回应关切) and the 统计表's rows they fill (三、回应解读情况). One event is one
 * record; the concern it answers groups events, since “不同方式回应同一热点或舆情计1次”.
 */
export const RESPONSE_KINDS = [
  { code: 'pressConference', label: '新闻发布会', legacyKey: 'response.pressConferences' },
  { code: 'briefing', label: '吹风会', legacyKey: 'response.other' },
  { code: 'onlineInterview', label: '在线访谈', legacyKey: 'response.interviews' },
  { code: 'policyBriefing', label: '政策宣讲（宣贯）会', legacyKey: 'response.other' },
  { code: 'weiboWechat', label: '微博微信回应', legacyKey: 'response.weiboWechat' },
  { code: 'other', label: '其他方式', legacyKey: 'response.other' },
] as const

export type ResponseKind = (typeof RESPONSE_KINDS)[number]['code']
export const RESPONSE_KIND_CODES = RESPONSE_KINDS.map((k) => k.code) as [ResponseKind, ...ResponseKind[]]

export function responseKindLabel(code: string): string {
  return RESPONSE_KINDS.find((k) => k.code === code)?.label ?? code
}

export interface Speaker {
  name: string
  title: string
  /** 主要负责同志 (the agency's principal leader) */
  leader: boolean
}

export interface ResponseEvent {
  kind: string
  concern: string
  speakers: readonly Speaker[]
}

/** “其中：主要负责同志参加…” rows: the kind's row key → its leader row. */
const LEADER_ROWS: Record<string, string> = {
  'response.pressConferences': 'response.pressConferencesLeader',
  'response.interviews': 'response.interviewsLeader',
}

/** 统计表 三 from the year's events: distinct concerns, events by kind's row, and those a leader attended. */
export function legacyResponseRows(events: readonly ResponseEvent[]): Record<string, number> {
  const rows: Record<string, number> = {
    'response.hotspots': new Set(events.map((e) => e.concern.trim())).size,
    'response.pressConferences': 0,
    'response.pressConferencesLeader': 0,
    'response.interviews': 0,
    'response.interviewsLeader': 0,
    'response.weiboWechat': 0,
    'response.other': 0,
  }
  for (const e of events) {
    const key = RESPONSE_KINDS.find((k) => k.code === e.kind)?.legacyKey ?? 'response.other'
    rows[key] = (rows[key] ?? 0) + 1
    const leaderKey = LEADER_ROWS[key]
    if (leaderKey && e.speakers.some((s) => s.leader)) rows[leaderKey] = (rows[leaderKey] ?? 0) + 1
  }
  return rows
}
