import { z } from 'zod'
import { OUTCOME_CODES } from '../application/outcomes.js'
import type { OutcomeCode } from '../application/outcomes.js'
import type { ClockPolicy } from '../application/clock.js'
import { DEFAULT_CLOCK_POLICY } from '../application/clock.js'

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
    })
    .optional()
    .catch(undefined),
  /** the review body and court the letters name, when an administrator set them */
  remedies: z
    .object({ reviewBody: z.string().trim().min(1).optional(), court: z.string().trim().min(1).optional() })
    .optional()
    .catch(undefined),
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
  const { feeNoticePauses, answerKinds } = settings.clock ?? {}
  return {
    ...DEFAULT_CLOCK_POLICY,
    ...(feeNoticePauses === undefined ? {} : { feeNoticePauses }),
    ...(answerKinds ? { answerKinds } : {}),
  }
}
