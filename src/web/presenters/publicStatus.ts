import { z } from 'zod'
import type { PublicStatus } from '../../services/cases/publicCaseStatus.js'
import type { StatusView } from '../views/apply/ApplyStatusPages.js'

/** The status page's fields. */
export function presentStatusView(s: PublicStatus): StatusView {
  return {
    agencyName: s.agencyName,
    receivedOn: s.receivedOn,
    stageLabel: s.stageLabel,
    dueBy: s.dueBy,
    provisional: s.provisional,
    concludedOn: s.concludedOn,
    outcomeLabel: s.outcomeLabel,
  }
}

/** GET /api/public/applications/:queryCode: stage and dates, nothing personal. */
export const publicStatusJson = z.object({
  queryCode: z.string(),
  agency: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  receivedOn: z.string(),
  dueBy: z.string().nullable(),
  provisional: z.boolean(),
  concludedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
})

export function presentPublicStatus(s: PublicStatus): z.infer<typeof publicStatusJson> {
  return {
    queryCode: s.queryCode,
    agency: s.agencyName,
    stage: s.stage,
    stageLabel: s.stageLabel,
    receivedOn: s.receivedOn,
    dueBy: s.dueBy,
    provisional: s.provisional,
    concludedOn: s.concludedOn,
    outcome: s.outcome,
    outcomeLabel: s.outcomeLabel,
  }
}

/** POST /api/public/applications: what the applicant keeps. */
export const receiptJson = z.object({ queryCode: z.string(), receivedOn: z.string(), dueBy: z.string().nullable() })
