import type { OutcomeCode } from '../application/outcomes.js'

/** The eight 不予公开 grounds (表三（三）), each with the reason a letter states and the articles it rests on. */
export const WITHHELD_GROUNDS = {
  // 第十四条：依法确定为国家秘密的政府信息 … 不予公开
  'withheld.stateSecret': { reason: '属于依法确定为国家秘密的政府信息', articles: ['第十四条'] },
  // 第十四条：法律、行政法规禁止公开的政府信息
  'withheld.prohibitedByLaw': { reason: '属于法律、行政法规禁止公开的政府信息', articles: ['第十四条'] },
  // 第十四条：公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息
  'withheld.securityStability': {
    reason: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    articles: ['第十四条'],
  },
  // 第十五条：涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息；第三十二条 the third party's view
  'withheld.thirdPartyRights': {
    reason: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
    articles: ['第十五条', '第三十二条'],
  },
  // 第十六条第一款：人事管理、后勤管理、内部工作流程等方面的内部事务信息，可以不予公开
  'withheld.internalAffairs': {
    reason: '属于人事管理、后勤管理、内部工作流程等方面的内部事务信息',
    articles: ['第十六条第一款'],
  },
  // 第十六条第二款：讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开
  'withheld.processInformation': {
    reason: '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    articles: ['第十六条第二款'],
  },
  // 第十六条第二款：行政执法案卷信息，可以不予公开
  'withheld.enforcementFiles': { reason: '属于行政执法案卷信息', articles: ['第十六条第二款'] },
  // 行政查询事项: the substantive ground is the law that provides the query procedure (decision 0011)
  'withheld.administrativeQuery': { reason: '属于行政查询事项', articles: [] },
} as const satisfies Partial<Record<OutcomeCode, { reason: string; articles: readonly string[] }>>

export type WithheldGround = keyof typeof WITHHELD_GROUNDS

export function isWithheldGround(s: string): s is WithheldGround {
  return Object.hasOwn(WITHHELD_GROUNDS, s)
}

/** 法释〔2025〕8号 第一条: review before a lawsuit only for 不予公开 resting on 第十四条至第十六条 (not 行政查询事项). */
export function restsOnArticles14to16(ground: string): boolean {
  return isWithheldGround(ground) && ground !== 'withheld.administrativeQuery'
}
