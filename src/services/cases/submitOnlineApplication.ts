import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { compareDays } from '../../domain/calendar/calendarDay.js'
import { clockPolicyOf } from '../../domain/agency/settings.js'
import { confirmedReceiptDay } from '../../domain/application/receipt.js'
import { findAgencyByCodeOrName } from '../../store/agencyRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { insertApplicationFile } from '../../store/applicationFileRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { insertCase, parseRegistration, zodErrors } from '../registerApplication.js'
import { applicantNameOf, applicantRecord, publicApplication } from './publicApplication.js'
import { queueCaseMessages } from '../notifications/queueCaseMessages.js'
import type { Upload } from './sniffUploads.js'
import { APPLICANT_UPLOADS, sniffUploads } from './sniffUploads.js'

// The rule for applicants' uploads lives with the sniffing; its limits are re-exported for the forms' routes.
export type { Upload } from './sniffUploads.js'
export { UPLOAD_LIMIT_BYTES, UPLOAD_MAX_FILES } from './sniffUploads.js'

export interface Receipt {
  id: number
  queryCode: string
  receivedOn: CalendarDay
  dueBy: string | null
  provisional: boolean
}

export interface SubmitOnlineApplicationProps {
  store: Store
  /** the applicant on the portal (publicActor) */
  actor: Actor
  /** the application as sent (JSON or form fields), checked here against 《条例》第二十九条 */
  input: unknown
  files: Upload[]
  today: CalendarDay
  /** the time of submission in Asia/Shanghai ('HH:MM'); with it, a submission after office hours is confirmed the next working day */
  at?: string
}

/**
 * An online application (《条例》第三十一条第（三）项: received on the day both sides confirm it: by default the
 * submission day, or the next working day for a submission on a non-working day or after office hours; decision 0007).
 * The case, its files and the audit entry commit in one transaction before anything is acknowledged: a
 * receipt the applicant sees is all of it.
 */
export async function submitOnlineApplication(p: SubmitOnlineApplicationProps): Promise<Receipt> {
  const parsed = publicApplication.safeParse(p.input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const a = parsed.data
  const sniffed = await sniffUploads(p.files, APPLICANT_UPLOADS)
  const agency = await findAgencyByCodeOrName(p.store.db, a.agency)
  if (!agency || agency.code !== a.agency)
    throw new ValidationError([{ field: 'agency', message: '未找到该机关（agency 应为受理机关的统一社会信用代码）' }])
  const cal = await loadWorkCalendar(p.store.db)
  const receivedOn = confirmedReceiptDay(p.today, p.at, cal, clockPolicyOf(agency.settings).onlineReceipt)
  const later = compareDays(receivedOn, p.today) > 0
  const registration = parseRegistration(
    {
      agencyId: agency.id,
      channel: 'online',
      receivedOn,
      ...(later ? { submitted: { on: p.today, ...(p.at ? { at: p.at } : {}) } } : {}),
      applicantKind: a.applicantKind,
      applicantName: applicantNameOf(a),
      applicant: applicantRecord(a),
      description: a.documentNumber ? `${a.description}（文号：${a.documentNumber}）` : a.description,
      actor: 'online',
    },
    receivedOn,
  )
  const file = await p.store.db.transaction().execute(async (trx) => {
    const f = await insertCase(trx, registration, p.today)
    const applicationId = Number(f.row.id)
    for (const s of sniffed)
      await insertApplicationFile(trx, {
        applicationId,
        purpose: s.upload.field,
        fileName: s.upload.fileName,
        mime: s.mime,
        data: s.upload.data,
      })
    const registered = f.events[0]
    if (registered) await queueCaseMessages(trx, { row: f.row, event: registered, seq: 0, clock: f.clock })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'case.registered',
      targetType: 'application',
      targetId: applicationId,
      detail: { channel: 'online', ref: f.row.ref, files: sniffed.length },
    })
    return f
  })
  return {
    id: Number(file.row.id),
    queryCode: file.row.query_code,
    receivedOn: file.clock.receivedOn,
    dueBy: file.clock.deadline?.day ?? null,
    // the mark belongs to the date shown: the deadline in force
    provisional: file.clock.deadline?.provisional ?? false,
  }
}
