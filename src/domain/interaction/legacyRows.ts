import type { InteractionFacts } from './yearFacts.js'

/**
 * The 统计表 rows that the interaction records fill (until issue 16 they were entered figures): the 政务微博 /
 * 政务微信 channel rows, 三、回应解读情况 except 政策解读稿件 (the catalog's), and 七、受理举报投诉.
 */
export const INTERACTION_LEGACY_KEYS = [
  'proactive.weibo',
  'proactive.wechat',
  'response.hotspots',
  'response.pressConferences',
  'response.pressConferencesLeader',
  'response.interviews',
  'response.interviewsLeader',
  'response.weiboWechat',
  'response.other',
  'complaints.total',
] as const

/**
 * Those rows from the year's facts. A 政务新媒体 row counts what the platform published to the channel (the
 * catalog's count of the same key) plus the posts entered for the agency's accounts of that platform.
 */
export function interactionLegacyItems(
  f: InteractionFacts,
  catalog: Readonly<Record<string, number>>,
): Record<(typeof INTERACTION_LEGACY_KEYS)[number], number> {
  const r = (key: string) => f.responses[key] ?? 0
  return {
    'proactive.weibo': (catalog['proactive.weibo'] ?? 0) + (f.accountPosts.weibo ?? 0),
    'proactive.wechat': (catalog['proactive.wechat'] ?? 0) + (f.accountPosts.wechat ?? 0),
    'response.hotspots': r('response.hotspots'),
    'response.pressConferences': r('response.pressConferences'),
    'response.pressConferencesLeader': r('response.pressConferencesLeader'),
    'response.interviews': r('response.interviews'),
    'response.interviewsLeader': r('response.interviewsLeader'),
    'response.weiboWechat': r('response.weiboWechat'),
    'response.other': r('response.other'),
    'complaints.total': f.complaintsAboutDisclosure,
  }
}
