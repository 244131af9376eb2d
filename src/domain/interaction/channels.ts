/** Other systems' channels whose counts come in by month (import or by hand): counts are enough. */
export const OTHER_CHANNELS = [
  { code: 'hotline12345', label: '12345政务服务热线' },
  { code: 'petition', label: '信访' },
  { code: 'cityManagement', label: '数字城管' },
] as const

export type OtherChannel = (typeof OTHER_CHANNELS)[number]['code']
export const OTHER_CHANNEL_CODES = OTHER_CHANNELS.map((c) => c.code) as [OtherChannel, ...OtherChannel[]]

export function channelLabel(code: string): string {
  return OTHER_CHANNELS.find((c) => c.code === code)?.label ?? code
}

/** 政务新媒体 platforms: the document channels of the same codes (document_channels.channel). */
export const SOCIAL_PLATFORMS = [
  { code: 'wechat', label: '政务微信' },
  { code: 'weibo', label: '政务微博' },
] as const

export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number]['code']
export const SOCIAL_PLATFORM_CODES = SOCIAL_PLATFORMS.map((p) => p.code) as [SocialPlatform, ...SocialPlatform[]]

export function platformLabel(code: string): string {
  return SOCIAL_PLATFORMS.find((p) => p.code === code)?.label ?? code
}

/**
 * The period of entered counts: a month ('2020-08'), or a whole year ('2020') when the source gives only the
 * year's total (the seed reports do): a year's entry counts in the year and in no month.
 */
export const PERIOD_PATTERN = /^20\d\d(-(0[1-9]|1[0-2]))?$/

/** The twelve months of a year, 'YYYY-01' … 'YYYY-12'. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
}
