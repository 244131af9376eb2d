import { z } from 'zod'
import type { ApplicationClock } from '../../domain/application/clock.js'

/** The computed dates of a case as the JSON API shows them; `provisional: true` marks guessed years. */
export const clockJson = z.object({
  receivedOn: z.string(),
  supplementBy: z.string(),
  periodStartsOn: z.string().nullable(),
  dueBy: z.string().nullable(),
  dueByExtended: z.string().nullable(),
  deadline: z.string().nullable(),
  extension: z
    .object({
      days: z.number(),
      grants: z.number(),
      approvedBy: z.string(),
      approvedOn: z.string(),
      notifiedOn: z.string(),
    })
    .nullable(),
  concludedOn: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  answeredLate: z.boolean(),
  paused: z.boolean(),
  pauses: z.array(
    z.object({
      kind: z.enum(['thirdPartyConsultation', 'agencyConsultation', 'feeNotice']),
      ground: z.string(),
      openedBy: z.number(),
      closedBy: z.number().nullable(),
      from: z.string(),
      /** the day the party received the letter; presumed by its channel while not recorded (decision 0006) */
      receivedOn: z.string(),
      receiptPresumed: z.boolean(),
      to: z.string(),
      limit: z.string(),
      open: z.boolean(),
      workingDays: z.number(),
      /** 第三十四条: the other agency's consent is deemed after its 15 working days */
      deemedConsent: z.boolean(),
    }),
  ),
  provisional: z.boolean(),
})

export function presentClock(c: ApplicationClock): z.infer<typeof clockJson> {
  return {
    receivedOn: c.receivedOn,
    supplementBy: c.supplementBy.day,
    periodStartsOn: c.periodStartsOn,
    dueBy: c.dueBy?.day ?? null,
    dueByExtended: c.dueByExtended?.day ?? null,
    deadline: c.deadline?.day ?? null,
    extension: c.extension,
    concludedOn: c.concludedOn,
    workingDaysLeft: c.workingDaysLeft,
    dueSoon: c.dueSoon,
    overdue: c.overdue,
    answeredLate: c.answeredLate,
    paused: c.paused,
    pauses: c.pauses,
    provisional: c.provisional,
  }
}
