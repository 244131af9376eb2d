import { can } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import type { CaseFile } from '../caseFile.js'
import { ValidationError } from '../errors.js'
import { insertCase, parseRegistration } from '../registerApplication.js'

/** The console's registration form (a letter, a visit, a fax …), field by field as typed. */
export interface RegistrationForm {
  agencyId: string
  channel: string
  receivedOn: string
  applicantKind: string
  applicantName: string
  phone: string
  address: string
  description: string
}

export interface RegisterCaseProps {
  store: Store
  actor: Actor
  form: RegistrationForm
  today: CalendarDay
}

/** The agencies the actor may register applications for (the form's choices). */
export async function registrableAgencies(store: Store, actor: Actor): Promise<{ id: number; name: string }[]> {
  const p = authorize(actor, 'case.register')
  return (await listAgencies(store.db))
    .filter((a) => can(p, 'case.register', { agencyId: a.id }))
    .map((a) => ({ id: a.id, name: a.name }))
}

/**
 * The office registers an application received other than online (《条例》第三十一条: the receipt date by
 * channel): the case, its first event and the audit entry, in one transaction.
 */
export async function registerCase({ store, actor, form, today }: RegisterCaseProps): Promise<CaseFile> {
  const p = authorize(actor, 'case.register')
  const agencyId = Number(form.agencyId)
  if (!Number.isSafeInteger(agencyId) || !can(p, 'case.register', { agencyId }))
    throw new ValidationError([{ field: 'agencyId', message: '无权为该机关登记申请' }])
  const a = parseRegistration(
    {
      agencyId,
      channel: form.channel,
      receivedOn: form.receivedOn,
      applicantKind: form.applicantKind,
      applicantName: form.applicantName,
      applicant: { phone: form.phone, address: form.address, delivery: 'paper' },
      description: form.description,
      actor: actor.username,
    },
    today,
  )
  return store.db.transaction().execute(async (trx) => {
    const file = await insertCase(trx, a, today)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'case.registered',
      targetType: 'application',
      targetId: Number(file.row.id),
      detail: { channel: a.channel, ref: file.row.ref },
    })
    return file
  })
}
