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
  'case.review': '登记行政复议或诉讼',
  'case.reviewDecided': '录入复议或诉讼结果',
  'case.fileRead': '查看申请附件',
  'report.figure': '录入年报数据',
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
