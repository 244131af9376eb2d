import { allowedEvents } from '../../domain/application/states.js'
import type { CaseStep } from '../../domain/auth/caseSteps.js'
import { isCaseStep, STEP_PERMISSION } from '../../domain/auth/caseSteps.js'
import { can } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { FeeQuote } from '../../domain/fee/processingFee.js'
import type { LetterKind } from '../../domain/letters/templates.js'
import { listDepartments } from '../../store/agencyRepo.js'
import type { ApplicationFileLine } from '../../store/applicationFileRepo.js'
import { listApplicationFiles } from '../../store/applicationFileRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import type { CaseContext } from '../caseContext.js'
import { loadCaseContext } from '../caseContext.js'
import { caseLetters } from '../letters/letters.js'
import { openApplicant } from '../personalData/vault.js'
import { feeQuoteFor } from '../letters/feeQuote.js'
import { caseResource } from './caseResource.js'
import { auditAccess } from '../auditLog.js'
import { similarRequests } from '../../domain/application/duplicates.js'
import { objectingThirdParties, pendingCorrection } from '../../domain/application/objectionsAndCorrections.js'
import type { EarlierApplication } from '../../store/duplicateRepo.js'
import { earlierApplicationsOfApplicant } from '../../store/duplicateRepo.js'
import type { ReviewLine } from '../../store/reviewRepo.js'
import { listCaseReviews } from '../../store/reviewRepo.js'

export interface CasePageData {
  case: CaseContext
  applicant: Record<string, unknown>
  /** the applicant's name, opened (the row holds it sealed) */
  applicantName: string
  department: string | null
  files: ApplicationFileLine[]
  departments: { id: number; name: string }[]
  letters: { seq: number; kind: LetterKind; on: string }[]
  /** the steps the case's state allows and the actor may record (each by STEP_PERMISSION) */
  steps: CaseStep[]
  canAct: boolean
  canDecide: boolean
  /** the fee a notice would ask now (按件), when a fee notice is one of the steps */
  feeQuote: FeeQuote | null
  /** 第三十六条第（六）项: the same applicant's earlier applications whose request is close to this one (decision 0013) */
  similarEarlier: (EarlierApplication & { similarity: number })[]
  /** 第三十二条: third parties that objected, to whom a notice of disclosure in the public interest may go */
  objectingParties: string[]
  /** the reviews and lawsuits registered against the case (年度报告表四) */
  reviews: ReviewLine[]
}

export interface CasePageDataProps {
  store: Store
  actor: Actor
  applicationId: number
  /** the day the clock is computed for */
  today: CalendarDay
  /** how the read is audited (the page shows the applicant's particulars): the case page, or the printed 案卷 */
  auditAs?: 'case.read' | 'case.dossier'
}

/** Everything the case page shows of one case, for one actor: the context, its files, letters and the steps open. */
export async function casePageData({
  store,
  actor,
  applicationId,
  today,
  auditAs = 'case.read',
}: CasePageDataProps): Promise<CasePageData> {
  const c = await loadCaseContext(store.db, applicationId, today)
  const resource = caseResource(c.row)
  const p = authorize(actor, 'case.read', resource)
  await auditAccess(store.db, actor, auditAs, { type: 'application', id: applicationId })
  const departments = (await listDepartments(store.db, [c.agency.id])).map((d) => ({ id: d.id, name: d.name }))
  const objectingParties = objectingThirdParties(c.events)
  const pending = pendingCorrection(c.events)
  // 第三十二条: a notice only over an objection; 第四十一条: one answer per pending correction request
  const fits: Partial<Record<CaseStep, boolean>> = {
    thirdPartyNotified: objectingParties.length > 0,
    correctionRequested: !pending,
    correctionAnswered: Boolean(pending),
    // 第三十五条: a later date only after the applicant was asked for reasons
    bulkDeferred: c.events.some((e) => e.kind === 'reasonsRequested'),
  }
  const steps = allowedEvents(c.state)
    .filter(isCaseStep)
    .filter((k) => fits[k] ?? true)
    .filter((k) => can(p, STEP_PERMISSION[k], resource))
  const opened = await openApplicant(store.db, c.row)
  return {
    case: c,
    applicant: opened.details,
    applicantName: opened.name,
    department: departments.find((d) => d.id === resource.departmentId)?.name ?? null,
    files: await listApplicationFiles(store.db, applicationId),
    departments,
    letters: await caseLetters(store.db, applicationId),
    steps,
    canAct: can(p, 'case.act', resource),
    canDecide: can(p, 'case.decide', resource),
    feeQuote: steps.includes('feeNoticed') ? await feeQuoteFor(store.db, applicationId) : null,
    similarEarlier: similarRequests(c.row.description, await earlierApplicationsOfApplicant(store.db, applicationId)),
    objectingParties,
    reviews: await listCaseReviews(store.db, applicationId),
  }
}
