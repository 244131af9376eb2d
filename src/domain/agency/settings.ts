import { z } from 'zod'
import { OUTCOME_CODES } from '../application/outcomes.js'
import type { OutcomeCode } from '../application/outcomes.js'
import type { ClockPolicy } from '../application/clock.js'
import { DEFAULT_CLOCK_POLICY } from '../application/clock.js'
import { AGENCY_KIND_CODES } from './agencyKind.js'
import { caseRefPrefix } from '../application/caseRef.js'

/** 第三十一条第（三）项: the office's closing time, HH:MM (decision 0007) */
export const closingTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '下班时间应为 HH:MM（如 17:30）')

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
  /** 索引号: digits of the serial number (3–9) */
  indexSerialWidth: z.number().int().min(3).max(9).optional().catch(undefined),
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
