import { z } from 'zod'
import type { PublicStatus } from '../../services/cases/publicCaseStatus.js'
import type { StatusView } from '../views/apply/ApplyStatusPages.js'

/** 1536 → 1.5 KB */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** The status page's fields. */
export function presentStatusView(s: PublicStatus): StatusView {
  return {
    queryCode: s.queryCode,
    agencyName: s.agencyName,
    receivedOn: s.receivedOn,
    stageLabel: s.stageLabel,
    dueBy: s.dueBy,
    provisional: s.provisional,
    concludedOn: s.concludedOn,
    outcomeLabel: s.outcomeLabel,
    deliveredOn: s.deliveredOn,
    steps: s.steps,
    supplement: s.supplement,
    letters: s.letters,
    disclosedFiles: s.disclosedFiles.map((f) => ({ id: f.id, fileName: f.fileName, size: sizeText(f.size) })),
    secondFactor: s.secondFactor,
    secondFactorLabel: s.secondFactorLabel,
    downloadsUnlocked: s.downloadsUnlocked,
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
  deliveredOn: z.string().nullable(),
  steps: z.array(z.object({ label: z.string(), on: z.string() })),
  supplement: z.object({ request: z.string(), completeBy: z.string(), requestedOn: z.string() }).nullable(),
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
    deliveredOn: s.deliveredOn,
    steps: s.steps,
    supplement: s.supplement,
  }
}

/** POST /api/public/applications: what the applicant keeps. */
export const receiptJson = z.object({ queryCode: z.string(), receivedOn: z.string(), dueBy: z.string().nullable() })
