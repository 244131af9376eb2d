import type { EventKind } from '../application/events.js'
import { EVENT_LABELS } from '../application/states.js'

/**
 * Every action the audit chain records, with the words the audit page shows. An audit entry names one of
 * these (the type checks it), never a free string: what can be audited is a list one can read.
 */
const FIXED = {
  'agency.create': '新增机关',
  'agency.settings': '修改机关设置',
  'agency.reviewBody': '设置并确认行政复议机关',
  'department.create': '新增处室',
  'calendar.year': '录入全年节假日安排',
  'calendar.day': '调整单日安排',
  'case.imported': '导入台账申请',
  'case.importUndone': '撤回未完成的台账导入',
  'case.review': '登记行政复议或诉讼',
  'case.reviewDecided': '录入复议或诉讼结果',
  'case.fileRead': '查看申请附件',
  'case.disclosedFileAdded': '上传公开的信息文件',
  'case.disclosedFileDownloaded': '申请人下载公开的信息文件',
  'case.downloadCodeSent': '向申请人发送下载验证码',
  'outbox.requeue': '重新发送申请人消息',
  'agency.office': '修改政府信息公开工作机构信息（公开指南）',
  'report.figure': '录入年报数据',
  // issue 19: the supervisor's 通报 and the annual reports an agency published elsewhere
  'bulletin.generate': '生成季度通报草稿',
  'bulletin.edit': '修改季度通报',
  'bulletin.publish': '发布季度通报',
  'report.elsewhere': '登记在平台外发布的年度报告',
  // issue 14: the search dictionary
  'search.dictionarySave': '保存检索同义词',
  'search.dictionaryDelete': '删除检索同义词',
  // issue 16 (政民互动)
  'letter.received': '收到群众来信（咨询、建议、投诉、举报）',
  'letter.routed': '来信转办处室',
  'letter.answered': '答复来信',
  'letter.rated': '来信人评价答复',
  'letter.supervised': '督办超期来信',
  'letter.published': '公开来信及答复（已去除个人信息）',
  'letter.deadlines': '设置来信答复期限',
  'consultation.open': '发布意见征集',
  'consultation.comment': '收到征集意见',
  'consultation.moderate': '审核征集意见',
  'consultation.close': '结束意见征集并公布采纳情况',
  'survey.create': '发布在线调查',
  'survey.codes': '生成在线调查参与码',
  'survey.answer': '收到在线调查答卷',
  'concern.response': '登记回应关切',
  'channel.counts': '录入其他渠道办理量',
  'account.register': '登记政务新媒体账号',
  'account.posts': '录入政务新媒体发布量',
  'report.publish': '发布年度报告',
  'report.publishOverride': '未满足发布条件时写明理由发布年度报告',
  'report.narrative': '修改年报正文',
  'template.save': '修改文书模板',
  'user.create': '新增账号',
  'user.permissions': '修改账号权限',
  'user.passwordChanged': '修改密码',
  'user.passwordReset': '管理员重置密码（下次登录须修改）',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.unlock': '解除锁定',
  'user.locked': '连续登录失败，账号锁定',
  'session.login': '登录',
  'session.logout': '退出登录',
  'session.loginFailed': '登录失败',
  'session.loginWhileLocked': '锁定期间尝试登录',
  'session.loginThrottled': '登录尝试过于频繁，须等候（未核验密码）',
  'session.totpVerified': '动态验证码验证通过',
  'session.totpFailed': '动态验证码错误',
  'user.totpEnrolled': '绑定动态验证码',
  'user.totpReset': '重置动态验证码',
  // issue 15 point 8: reads, exports and refusals are audited too
  'case.read': '查看申请（含申请人个人信息）',
  'case.dossier': '打印案卷（含申请人个人信息）',
  'case.export': '导出申请台账',
  'caseLetter.read': '查看答复文书',
  'caseLetter.download': '下载答复文书（DOCX）',
  'report.export': '导出年度报告',
  'audit.view': '查看审计日志',
  'audit.export': '导出审计日志',
  'security.csrfRefused': '跨站请求校验未通过，已拒绝',
  'security.forbidden': '无权访问，已拒绝',
  // issue 18
  'serviceItem.import': '导入政务服务事项及办事指南',
  'inspection.item': '维护随机抽查事项',
  'inspection.pool': '维护双随机名录库',
  'inspection.announce': '公布抽查种子和名录指纹',
  'inspection.draw': '随机抽取检查人员和检查对象',
  'inspection.result': '录入并公开抽查结果',
  'archive.build': '生成年度归档包',
  'siteInspection.run': '网站检查',
  // issue 17 points 4 and 5
  'agency.retention': '修改个人信息保存期限',
  'retention.batch': '匿名化到期的申请人个人信息（一批）',
  'case.personalDataExport': '导出申请人个人信息',
  'case.personalDataViewed': '申请人查看本人个人信息',
  'case.personalDataDownloaded': '申请人下载本人个人信息',
  // issue 17 point 1 (decision 0045): encryption at rest
  'personalData.sealed': '加密存量申请人个人信息',
  'personalData.keyRotated': '轮换个人信息主密钥（重新包装数据密钥）',
} as const

/** The catalog's document events (store/catalogRepo.ts appends one per change, with its audit entry). */
const DOCUMENT_EVENT_LABELS = {
  created: '起草',
  edited: '修改',
  imported: '导入',
  submitted: '提交审核',
  approved: '审核通过',
  returned: '退回修改',
  scheduled: '定时发布',
  published: '发布',
  withdrawn: '撤回',
  attached: '添加附件',
  channel: '调整发布渠道',
  validity: '调整有效性',
  custom: '其他',
  // issue 17 point 2 (decision 0047): de-identification in the 保密审查 step
  privacyDecided: '保密审查逐项确认个人信息处理',
  privacyExempt: '标记为惩戒性公示或强制性信息披露（不要求去标识化）',
  privacyExemptCleared: '取消不要求去标识化的标记',
  privacyMasked: '发布时对个人信息去标识化',
} as const

export type DocumentEventKind = keyof typeof DOCUMENT_EVENT_LABELS

export type AuditAction = keyof typeof FIXED | `case.${EventKind}` | `document.${DocumentEventKind}`

const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  ...FIXED,
  ...(Object.fromEntries(Object.entries(EVENT_LABELS).map(([k, v]) => [`case.${k}`, v])) as Record<
    `case.${EventKind}`,
    string
  >),
  ...(Object.fromEntries(
    Object.entries(DOCUMENT_EVENT_LABELS).map(([k, v]) => [`document.${k}`, `文件${v}`]),
  ) as Record<`document.${DocumentEventKind}`, string>),
}

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action
}

/** Every listed action with its label, in the table's order (the audit page's filter). */
export function auditActionOptions(): { code: string; label: string }[] {
  return Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({ code, label }))
}
