// Keys of AnnualReport.legacy (the pre-2019 统计表 / 附表), written by the issue-5 helper because
// src/domain/report/formats/legacy.ts did not exist yet when the checker and parser needed them.
// The issue-7 helper (generator/exporters) uses these same keys; add keys here, never rename them.
//
// Two real shapes are covered: the national 统计表 as the 衢州 seed prints it (law-and-formats.md §0) and
// the Fujian 附表 (莆田 reports 2008–2018: 受理申请总数 by channel, 答复总数 by kind, 复议/诉讼/申诉 counts).
// A value for a second column of the table (历年累计) is stored under the same key + CUMULATIVE_SUFFIX.

export const CUMULATIVE_SUFFIX = '@cumulative'

const LEGACY_KEYS = {
  // 一、本单位制发政策文件类公文信息数
  'documents.issued': '本单位制发政策文件类公文信息数',
  'documents.issuedNormative': '其中：制发规范性文件总数',
  // 二、主动公开新增信息数量
  'proactive.total': '主动公开信息数',
  'proactive.policyDocs': '政策文件类信息公开数',
  'proactive.policyDocsNormative': '其中：规范性文件公开数',
  'proactive.otherInfo': '其他各类信息公开数',
  'proactive.portal': '通过政府门户网站公开数',
  'proactive.weibo': '通过政务微博公开数',
  'proactive.wechat': '通过政务微信公开数',
  'proactive.otherChannel': '通过其他各类形式公开数',
  'proactive.gazette': '政府公报公开数',
  'proactive.website': '政府网站公开数',
  'proactive.pressConference': '新闻发布会公开数',
  // 三、回应解读情况
  'response.hotspots': '回应公众关注热点或重大舆情数',
  'response.pressConferences': '参加或举办新闻发布会总次数',
  'response.pressConferencesLeader': '其中：主要负责同志参加新闻发布会次数',
  'response.interviews': '政府网站在线访谈次数',
  'response.interviewsLeader': '其中：主要负责同志参加政府网站在线访谈次数',
  'response.interpretations': '政策解读稿件发布数',
  'response.weiboWechat': '微博微信回应事件数',
  'response.other': '其他方式回应事件数',
  // 四、依申请公开: received by channel
  'applications.received': '收到（受理）申请数',
  'applications.inPerson': '当面申请数',
  'applications.fax': '传真申请数',
  'applications.online': '网络（网上）申请数',
  'applications.email': '电子邮件申请数',
  'applications.letter': '信函申请数',
  'applications.letterOrFax': '信函、传真申请数',
  'applications.otherChannel': '其他形式申请数',
  'applications.completed': '申请办结数',
  'applications.onTime': '按时办结数',
  'applications.extended': '延期办结数',
  // answers
  'answers.total': '申请答复数（对申请的答复总数）',
  'answers.alreadyPublic': '属于已主动公开范围数',
  'answers.disclosed': '同意公开答复数',
  'answers.partial': '同意部分公开答复数',
  'answers.refused': '不同意公开（不予公开）答复数',
  'answers.refused.stateSecret': '涉及国家秘密',
  'answers.refused.commercialSecret': '涉及商业秘密',
  'answers.refused.privacy': '涉及个人隐私',
  'answers.refused.security': '危及国家、公共、经济安全和社会稳定',
  'answers.refused.notGovInfo': '不是《条例》所指政府信息',
  'answers.refused.otherLaw': '法律法规规定的其他情形',
  'answers.notThisAgency': '不属于本行政机关公开数',
  'answers.notExist': '申请信息不存在数',
  'answers.askCorrection': '告知作出更改补充数',
  'answers.otherChannel': '告知通过其他途径办理数',
  'answers.other': '其他类型答复数',
  // (四)申请类型数: types.total and types.1 … types.18
  'types.total': '申请类型数',
  // 五、六: reviews and lawsuits
  'review.total': '行政复议数',
  'review.upheld': '行政复议：维持具体行政行为数',
  'review.illegal': '行政复议：确认具体行政行为违法数',
  'review.other': '行政复议：其他情形数',
  'lawsuit.total': '行政诉讼数',
  'lawsuit.upheld': '行政诉讼：维持具体行政行为数',
  'lawsuit.illegal': '行政诉讼：确认具体行政行为违法数',
  'lawsuit.other': '行政诉讼：其他情形数',
  'complaints.total': '受理举报投诉（行政申诉）数',
  'fees.collectedWan': '依申请公开收取费用（万元）',
  'fees.waivedWan': '依申请公开减免费用（万元）',
  // Fujian 附表 extras
  'readingRoom.visitors': '公开查阅点查阅人数',
  'readingRoom.items': '公开查阅点利用件次',
  'website.pageViews': '网站中政府信息公开专栏页面访问量',
  // added by the issue-7 helper (the 衢州 统计表's remaining items)
  'applications.total': '依申请公开数量',
  'meetings.conferences': '召开政府信息公开工作会或专题会数',
  'meetings.trainings': '举办各类培训班数',
  'meetings.trainees': '接受培训人员数',
  'staff.bodies': '政府信息公开工作机构数',
  'staff.dedicatedBodies': '其中：专门机构数',
  'staff.partTimeBodies': '兼职机构数',
  'staff.readingPoints': '设置政府信息公开查阅点数',
  'staff.people': '从事政府信息公开工作人员数',
  'staff.fullTime': '其中：专职人员数',
  'staff.partTime': '兼职人员数',
  'staff.fundsWan': '政府信息公开工作实际投入专项经费（万元）',
} as const

/** 申请类型数 items: types.1 … types.18 (the 衢州 统计表 lists 18 kinds). */
export const LEGACY_TYPE_KEYS: readonly string[] = Array.from({ length: 18 }, (_, i) => `types.${i + 1}`)

/** Chinese label of a legacy key (either column), for messages and views. */
const LEGACY_LABELS: Record<string, string> = LEGACY_KEYS

export function legacyLabel(key: string): string {
  const base = key.endsWith(CUMULATIVE_SUFFIX) ? key.slice(0, -CUMULATIVE_SUFFIX.length) : key
  const col = base === key ? '' : '（历年累计）'
  if (base.startsWith('types.') && base !== 'types.total') return `申请类型第${base.slice(6)}项${col}`
  return (LEGACY_LABELS[base] ?? base) + col
}
