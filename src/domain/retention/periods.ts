import { z } from 'zod'

/**
 * How long an agency keeps applicants' personal data, per kind of record, in whole years (decision 0048).
 * The defaults follow the archiving rules for 依申请公开 case files: 国家档案局令第8号《机关文件材料归档范围和
 * 文书档案保管期限规定》 (2006) keeps a body's case files 定期10年 or 定期30年, the longer term for files of
 * evidential value in a dispute; copies of what the file already holds are not archived at all (第四条（二）).
 */
export const RETENTION_KINDS = [
  {
    key: 'caseYears',
    label: '申请案卷中的申请人个人信息',
    hint: '姓名、证件号码、联系方式、地址等；按国家档案局令第8号，依申请公开案卷定期10年',
    defaultYears: 10,
  },
  {
    key: 'disputedCaseYears',
    label: '经行政复议或诉讼的申请案卷',
    hint: '自复议、诉讼终结之日起算；具有凭证价值的案卷定期30年',
    defaultYears: 30,
  },
  {
    key: 'attachmentYears',
    label: '申请人上传的身份证明和附件',
    hint: '随案卷归档；不得长于案卷本身（长于案卷的，随案卷一并删除）',
    defaultYears: 10,
  },
  {
    key: 'messageYears',
    label: '发给申请人的短信和电子邮件',
    hint: '答复文书已入案卷，消息正文为其副本（重份文件，不归档）',
    defaultYears: 1,
  },
] as const

export type RetentionKey = (typeof RETENTION_KINDS)[number]['key']
export type RetentionPeriods = Record<RetentionKey, number>

export const DEFAULT_RETENTION: RetentionPeriods = Object.fromEntries(
  RETENTION_KINDS.map((k) => [k.key, k.defaultYears]),
) as RetentionPeriods

const years = (label: string) =>
  z.coerce
    .number({ message: `${label}应为整数年` })
    .int(`${label}应为整数年`)
    .min(1, `${label}至少1年`)
    .max(100, `${label}不超过100年`)

/** The agency's periods as an administrator sets them (every kind named; agencySettings.retention). */
export const retentionSettings = z.object(
  Object.fromEntries(RETENTION_KINDS.map((k) => [k.key, years(k.label)])) as Record<
    RetentionKey,
    ReturnType<typeof years>
  >,
)

/** The periods in force: the agency's settings over the documented defaults. */
export function retentionPeriodsOf(set: Partial<RetentionPeriods> | undefined): RetentionPeriods {
  return { ...DEFAULT_RETENTION, ...(set ?? {}) }
}
