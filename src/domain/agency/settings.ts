import { z } from 'zod'
import { OUTCOME_CODES } from '../application/outcomes.js'
import type { OutcomeCode } from '../application/outcomes.js'
import type { ClockPolicy } from '../application/clock.js'
import { DEFAULT_CLOCK_POLICY } from '../application/clock.js'
import { AGENCY_KIND_CODES } from './agencyKind.js'
import { caseRefPrefix } from '../application/caseRef.js'
import { FRESHNESS_CLASS_CODES } from '../siteInspection/freshness.js'
import { retentionSettings } from '../retention/periods.js'

/** 第三十一条第（三）项: the office's closing time, HH:MM (decision 0007) */
export const closingTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '下班时间应为 HH:MM（如 17:30）')

const officeText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label}过长（不超过${max}字）`).optional().default('')

/** The disclosure office's particulars (《条例》第十二条, 第二十七条); empty: not stated. */
export const officeSettings = z.object({
  name: officeText('工作机构名称', 100),
  address: officeText('办公地址'),
  hours: officeText('办公时间'),
  phone: officeText('联系电话', 50),
  fax: officeText('传真', 50),
  postalAddress: officeText('通信地址'),
  postalCode: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^\d{6}$/, '邮政编码应为6位数字'),
    ])
    .optional()
    .default(''),
  email: z
    .union([z.literal(''), z.string().trim().email('电子邮箱格式不正确')])
    .optional()
    .default(''),
  waysToApply: officeText('申请渠道说明', 2000),
  fees: officeText('收费说明', 2000),
})

export type OfficeSettings = z.output<typeof officeSettings>

/**
 * Everything an agency may set differently from the defaults, as one schema: the one reader of the
 * `agencies.settings` JSON column (store/agencyRepo.ts). A setting that does not validate is dropped in
 * favour of the documented default, so a bad setting never produces an invalid date, outcome or letter.
 */
export const agencySettings = z.object({
  /** clock choices the law leaves open (docs/decisions/0002, 0003) */
  clock: z
    .object({
      feeNoticePauses: z.boolean().optional(),
      answerKinds: z
        .partialRecord(
          z.enum(['alreadyPublic', 'notThisAgency', 'specialLaw']),
          z.enum(OUTCOME_CODES as [OutcomeCode, ...OutcomeCode[]]),
        )
        .optional(),
      /** 第三十一条第（三）项: online receipt on a non-working day or after hours (docs/decisions/0007) */
      onlineReceipt: z
        .object({
          nextWorkingDay: z.boolean(),
          closesAt: closingTime,
        })
        .optional(),
    })
    .optional()
    .catch(undefined),
  /** 行政复议法 2023 第二十四至二十八条: what kind of organ the agency is, as an administrator set it (decision 0010) */
  kind: z.enum(AGENCY_KIND_CODES).optional().catch(undefined),
  /** the review body and court the letters name, when an administrator set them */
  remedies: z
    .object({
      reviewBody: z.string().trim().min(1).optional(),
      court: z.string().trim().min(1).optional(),
      /** the review body an administrator confirmed, by whom and when (a later change of it needs a new confirmation) */
      confirmed: z.object({ body: z.string(), by: z.string(), on: z.string() }).optional(),
    })
    .optional()
    .catch(undefined),
  /** case numbers: the agency's prefix, e.g. 榕房依申 → 榕房依申〔2026〕1号 (decision 0020); none: 2026-00001 */
  caseRefPrefix: caseRefPrefix.optional().catch(undefined),
  /**
   * 《条例》第十二条: the 政府信息公开工作机构 as the 政府信息公开指南 states it (name, address, hours, phone, fax,
   * postal address, e-mail, the ways to apply, the fees), set by an administrator (issue 14)
   */
  office: officeSettings.optional().catch(undefined),
  /** 索引号: digits of the serial number (3–9) */
  indexSerialWidth: z.number().int().min(3).max(9).optional().catch(undefined),
  /** 双随机一公开: the yearly targets per sector (domain/inspections/ratios.ts; defaults 5 % and 3 rounds) */
  inspectionTargets: z
    .object({ minRatioPercent: z.number().min(0).max(100), minRounds: z.number().int().min(0).max(100) })
    .optional()
    .catch(undefined),
  /** issue 17 point 4: how long applicants' personal data is kept, per kind of record (domain/retention, decision 0048) */
  retention: retentionSettings.optional().catch(undefined),
  /** site inspection: column slug → freshness class, class → days (domain/siteInspection/freshness.ts) */
  siteFreshness: z
    .object({
      classes: z.record(z.string(), z.enum(FRESHNESS_CLASS_CODES)).optional(),
      days: z.partialRecord(z.enum(FRESHNESS_CLASS_CODES), z.number().int().min(1).max(3650)).optional(),
    })
    .optional()
    .catch(undefined),
})

export type AgencySettings = z.output<typeof agencySettings>

/** Reads the JSON column; broken JSON or a non-object reads as no settings at all. */
export function parseAgencySettings(json: string): AgencySettings {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return {}
  }
  const parsed = agencySettings.safeParse(raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {})
  return parsed.success ? parsed.data : {}
}

/** The agency's clock policy: its settings over the documented defaults. */
export function clockPolicyOf(settings: AgencySettings): ClockPolicy {
  const { feeNoticePauses, answerKinds, onlineReceipt } = settings.clock ?? {}
  return {
    ...DEFAULT_CLOCK_POLICY,
    ...(feeNoticePauses === undefined ? {} : { feeNoticePauses }),
    ...(answerKinds ? { answerKinds } : {}),
    ...(onlineReceipt ? { onlineReceipt } : {}),
  }
}
