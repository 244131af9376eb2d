import type { LetterCounts } from './rates.js'
import { emptyLetterCounts } from './rates.js'

/** One channel's counts over a span (a month, a year): nulls where the source gave none. */
export interface ChannelTotals {
  channel: string
  received: number
  concluded: number | null
  resolved: number | null
  onTime: number | null
}

/** What the interaction records of an agency hold for a span: the report's and the dashboard's input. */
export interface InteractionFacts {
  letters: LetterCounts
  /** 统计表 三's rows (legacyResponseRows) */
  responses: Record<string, number>
  responseEvents: number
  /** entered post counts of the registered accounts, by platform (what the platform itself published is the catalog's) */
  accountPosts: Record<string, number>
  accounts: { platform: string; name: string }[]
  /** 投诉/举报 about the agency's disclosure work (统计表 七) */
  complaintsAboutDisclosure: number
  channels: ChannelTotals[]
  consultations: { held: number; comments: number; adopted: number }
  surveys: { held: number; answers: number }
}

export function emptyInteractionFacts(): InteractionFacts {
  return {
    letters: emptyLetterCounts(),
    responses: {},
    responseEvents: 0,
    accountPosts: {},
    accounts: [],
    complaintsAboutDisclosure: 0,
    channels: [],
    consultations: { held: 0, comments: 0, adopted: 0 },
    surveys: { held: 0, answers: 0 },
  }
}
