import type { ApplicationEvent } from '../../domain/application/events.js'
import { isCaseStep, STEP_PERMISSION } from '../../domain/auth/caseSteps.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { listDepartments } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import type { CaseFile } from '../caseFile.js'
import { caseResource } from './caseResource.js'
import { loadCaseContext } from '../caseContext.js'
import { ValidationError } from '../errors.js'
import { feeQuoteFor } from '../letters/feeQuote.js'
import { appendCaseEvent } from '../recordEvent.js'
import type { StepFields } from './caseStepForms.js'
import { eventFromForm } from './caseStepForms.js'

export interface RecordCaseStepProps {
  store: Store
  actor: Actor
  applicationId: number
  /** the step (`kind`), its day (`on`) and its own fields, as posted */
  form: StepFields
  today: CalendarDay
}

/** A fee notice's amount, computed by the 109号 tiers for this applicant and month (or these pages). */
async function priced(store: Store, id: number, event: ApplicationEvent): Promise<ApplicationEvent> {
  if (event.kind !== 'feeNoticed') return event
  const method = event.method ?? 'byCount'
  const pages = method === 'byPages' ? event.pages : undefined
  const quote = await feeQuoteFor(store.db, id, method, pages)
  if (quote.amountYuan <= 0)
    throw new ValidationError([
      { field: method === 'byPages' ? 'pages' : 'method', message: `${quote.basis}，应收 0 元：不应发出收费通知` },
    ])
  return { ...event, method, ...(pages ? { pages } : {}), amountYuan: quote.amountYuan }
}

/**
 * Records one step of a case after registration (assign, supplement, consultation, fee, extension, answer,
 * delivery, withdrawal, archive): the actor needs the step's permission (domain/auth/caseSteps.ts) on this
 * case; the law checks the step (appendChecked); the step and its audit entry commit together.
 */
export async function recordCaseStep({
  store,
  actor,
  applicationId,
  form,
  today,
}: RecordCaseStepProps): Promise<CaseFile> {
  const c = await loadCaseContext(store.db, applicationId, today)
  const kind = form.kind ?? ''
  if (!isCaseStep(kind)) throw new ValidationError([{ field: 'kind', message: '未知的办理环节' }])
  authorize(actor, STEP_PERMISSION[kind], caseResource(c.row))
  const departments = new Map((await listDepartments(store.db, [c.agency.id])).map((d) => [d.id, d.name]))
  const read = eventFromForm(kind, form, { actor: actor.username, description: c.row.description, departments })
  const event = await priced(store, applicationId, read)
  return store.db.transaction().execute(async (trx) => {
    const file = await appendCaseEvent(trx, applicationId, event, today)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: `case.${event.kind}`,
      targetType: 'application',
      targetId: applicationId,
      detail: { ...event },
    })
    return file
  })
}
