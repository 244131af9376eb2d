import type { ExtraAnswerKind, OutcomeCode } from '../../application/outcomes.js'
import { TOPICS } from '../../application/applicant.js'
import type { Channel } from '../../application/applicant.js'
import type { LegacyItemDef } from './types.js'

// 政府信息公开工作情况统计表 (国办发〔2014〕32号 era), as the 衢州 seed prints it (law-and-formats.md §0:
// where the reconstruction and the seed differ, the seed wins). Keys are those of ../legacyKeys.ts. The rows on
// 政务微博/微信, 回应 and 举报投诉 are counted from the 政民互动 records (issue 16, interaction/legacyRows.ts).

export const LEGACY_TITLE = (year: number) => `政府信息公开工作情况报表（${year}年）`
export const LEGACY_COLUMNS = ['指标名称', '单位', '本年累计'] as const

const R = 'records' as const
const E = 'entered' as const

export const LEGACY_ITEMS: readonly LegacyItemDef[] = [
  { key: 'documents.issued', label: '一、本单位制发政策文件类公文信息数', level: 0, source: E },
  { key: 'documents.issuedNormative', label: '其中：制发规范性文件总数', level: 2, source: E },
  { key: 'proactive.total', label: '二、主动公开新增信息数量（不同渠道和方式公开相同信息计1条）', level: 0, source: E },
  { key: 'proactive.policyDocs', label: '1.政策文件类信息公开数', level: 1, source: E, side: '按信息类别分' },
  { key: 'proactive.policyDocsNormative', label: '其中：规范性文件公开数', level: 2, source: E, side: '按信息类别分' },
  { key: 'proactive.otherInfo', label: '2.其他各类信息公开数', level: 1, source: E, side: '按信息类别分' },
  { key: 'proactive.portal', label: '1.通过市政府门户网站公开数', level: 1, source: E, side: '按发布渠道分' },
  { key: 'proactive.weibo', label: '2.通过政务微博公开数', level: 1, source: R, side: '按发布渠道分' },
  { key: 'proactive.wechat', label: '3.通过政务微信公开数', level: 1, source: R, side: '按发布渠道分' },
  { key: 'proactive.otherChannel', label: '4.通过其他各类形式公开数', level: 1, source: E, side: '按发布渠道分' },
  { label: '三、回应解读情况', level: 0 },
  {
    key: 'response.hotspots',
    label: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）',
    level: 1,
    source: R,
  },
  { label: '（二）通过不同渠道和方式回应解读的情况', level: 1 },
  { key: 'response.pressConferences', label: '1.参加或举办新闻发布会总次数', level: 2, source: R },
  { key: 'response.pressConferencesLeader', label: '其中：主要负责同志参加新闻发布会次数', level: 2, source: R },
  { key: 'response.interviews', label: '2.政府网站在线访谈次数', level: 2, source: R },
  { key: 'response.interviewsLeader', label: '其中：主要负责同志参加政府网站在线访谈次数', level: 2, source: R },
  { key: 'response.interpretations', label: '3.政策解读稿件发布数', level: 2, source: E },
  { key: 'response.weiboWechat', label: '4.微博微信回应事件数', level: 2, source: R },
  { key: 'response.other', label: '5.其他方式回应事件数', level: 2, source: R },
  { key: 'applications.total', label: '四、依申请公开数量', level: 0, source: R },
  { key: 'applications.received', label: '（一）收到申请数（依申请公开方式）', level: 1, source: R },
  { key: 'applications.inPerson', label: '1.当面申请数', level: 2, source: R },
  { key: 'applications.fax', label: '2.传真申请数', level: 2, source: R },
  { key: 'applications.online', label: '3.网络申请数', level: 2, source: R },
  { key: 'applications.letter', label: '4.信函申请数', level: 2, source: R },
  { key: 'applications.completed', label: '（二）申请办结数', level: 1, source: R },
  { key: 'applications.onTime', label: '1.按时办结数', level: 2, source: R },
  { key: 'applications.extended', label: '2.延期办结数', level: 2, source: R },
  { key: 'answers.total', label: '（三）申请答复数', level: 1, source: R },
  { key: 'answers.alreadyPublic', label: '1.属于已主动公开范围数', level: 2, source: R },
  { key: 'answers.disclosed', label: '2.同意公开答复数', level: 2, source: R },
  { key: 'answers.partial', label: '3.同意部分公开答复数', level: 2, source: R },
  { key: 'answers.refused', label: '4.不同意公开答复数', level: 2, source: R },
  { key: 'answers.refused.stateSecret', label: '其中：涉及国家机密', level: 2, source: R },
  { key: 'answers.refused.commercialSecret', label: '涉及商业秘密', level: 2, source: R },
  { key: 'answers.refused.privacy', label: '涉及个人隐私', level: 2, source: R },
  { key: 'answers.refused.security', label: '危及国家、公共、经济安全和社会稳定', level: 2, source: R },
  { key: 'answers.refused.notGovInfo', label: '不是《条例》所指政府信息', level: 2, source: R },
  { key: 'answers.refused.otherLaw', label: '法律法规规定的其他情形', level: 2, source: R },
  { key: 'answers.notThisAgency', label: '5.不属于本行政机关公开数', level: 2, source: R },
  { key: 'answers.notExist', label: '6.申请信息不存在数', level: 2, source: R },
  { key: 'answers.askCorrection', label: '7.告知做出更改补充数', level: 2, source: R },
  { key: 'answers.otherChannel', label: '8.告知通过其他途径办理数', level: 2, source: R },
  { key: 'types.total', label: '（四）申请类型数', level: 1, source: R },
  ...TOPICS.map((t, i): LegacyItemDef => ({ key: `types.${i + 1}`, label: `${i + 1}.${t}`, level: 2, source: R })),
  { key: 'review.total', label: '五、因政府信息公开申请行政复议情况', level: 0, source: R },
  { key: 'review.upheld', label: '（一）维持具体行政行为数', level: 1, source: R },
  { key: 'review.illegal', label: '（二）确认具体行政行为违法数', level: 1, source: R },
  { key: 'review.other', label: '（三）其他情形数', level: 1, source: R },
  { key: 'lawsuit.total', label: '六、因政府信息公开申请行政诉讼情况', level: 0, source: R },
  { key: 'lawsuit.upheld', label: '（一）维持具体行政行为数', level: 1, source: R },
  { key: 'lawsuit.illegal', label: '（二）确认具体行政行为违法数', level: 1, source: R },
  { key: 'lawsuit.other', label: '（三）其他情形数', level: 1, source: R },
  { key: 'complaints.total', label: '七、政府信息公开工作受理举报投诉数量', level: 0, source: R },
  { label: '八、依申请公开收费', level: 0 },
  { key: 'fees.collectedWan', label: '（一）收取费用', unit: '万元', level: 1, source: R },
  { key: 'fees.waivedWan', label: '（二）减免费用', unit: '万元', level: 1, source: E },
  { label: '九、会议及考察、培训活动参加人数', level: 0 },
  { key: 'meetings.conferences', label: '（一）召开政府信息公开工作会或专题会数', level: 1, source: E },
  { key: 'meetings.trainings', label: '（二）举办各类培训班数', level: 1, source: E },
  { key: 'meetings.trainees', label: '（三）接受培训人员数', unit: '人（次）', level: 1, source: E },
  { label: '十、人员机构建设和保障经费情况', level: 0 },
  { key: 'staff.bodies', label: '（一）政府信息公开工作机构数', level: 1, source: E },
  { key: 'staff.dedicatedBodies', label: '其中：专门机构数', level: 2, source: E },
  { key: 'staff.partTimeBodies', label: '兼职机构数', level: 2, source: E },
  { key: 'staff.readingPoints', label: '（二）设置政府信息公开查阅点数', level: 1, source: E },
  { key: 'staff.people', label: '（三）从事政府信息公开工作人员数', level: 1, source: E },
  { key: 'staff.fullTime', label: '其中：专职人员数（不包括政府网站工作人员数）', level: 2, source: E },
  { key: 'staff.partTime', label: '兼职人员数', level: 2, source: E },
  {
    key: 'staff.fundsWan',
    label: '（四）政府信息公开工作实际投入专项经费（不包括用于政府网站建设维护等方面的经费）',
    unit: '万元',
    level: 1,
    source: E,
  },
]

/** 统计表 channel rows: the platform's channels; 其他 has no row of its own in this table. */
export const LEGACY_CHANNEL_KEYS: Partial<Record<Channel, string>> = {
  inPerson: 'applications.inPerson',
  fax: 'applications.fax',
  online: 'applications.online',
  letter: 'applications.letter',
}

/** Art. 36 kinds that the 统计表 counts on rows of their own. */
export const LEGACY_ANSWER_KIND_KEYS: Record<ExtraAnswerKind, string> = {
  alreadyPublic: 'answers.alreadyPublic',
  notThisAgency: 'answers.notThisAgency',
  specialLaw: 'answers.otherChannel',
}

/**
 * The 统计表 answer row of each reportable outcome (the 2007 条例's categories). One table, documented:
 * 保护第三方合法权益 → 涉及个人隐私 (the commonest case; 商业秘密 cannot be told apart from the outcome);
 * 内部事务/过程性信息 → 不是《条例》所指政府信息 (the pre-2019 practice); 不掌握/另行制作 → 申请信息不存在;
 * 补正后仍不明确/逾期不补正 → 告知作出更改补充; 不予处理 and other ends → 告知通过其他途径办理.
 */
export const LEGACY_ANSWER_OF_OUTCOME: Record<OutcomeCode, string> = {
  disclosed: 'answers.disclosed',
  partiallyDisclosed: 'answers.partial',
  'withheld.stateSecret': 'answers.refused.stateSecret',
  'withheld.prohibitedByLaw': 'answers.refused.otherLaw',
  'withheld.securityStability': 'answers.refused.security',
  'withheld.thirdPartyRights': 'answers.refused.privacy',
  'withheld.internalAffairs': 'answers.refused.notGovInfo',
  'withheld.processInformation': 'answers.refused.notGovInfo',
  'withheld.enforcementFiles': 'answers.refused.otherLaw',
  'withheld.administrativeQuery': 'answers.refused.otherLaw',
  'unableToProvide.notHeld': 'answers.notExist',
  'unableToProvide.needsCreation': 'answers.notExist',
  'unableToProvide.unclearAfterSupplement': 'answers.askCorrection',
  'notProcessed.petitionOrComplaint': 'answers.otherChannel',
  'notProcessed.duplicate': 'answers.otherChannel',
  'notProcessed.publication': 'answers.otherChannel',
  'notProcessed.excessiveRepeated': 'answers.otherChannel',
  'notProcessed.confirmOrReissue': 'answers.otherChannel',
  'other.noSupplement': 'answers.askCorrection',
  'other.unpaidFee': 'answers.otherChannel',
  'other.other': 'answers.otherChannel',
}
