import { fileTypeFromBuffer } from 'file-type'
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
import type { FieldProblem } from '../errors.js'
import { insertCase, parseRegistration, zodErrors } from '../registerApplication.js'
import { applicantNameOf, applicantRecord, publicApplication } from './publicApplication.js'
import { queueCaseMessages } from '../notifications/queueCaseMessages.js'

/** Uploads: ID proof and supporting papers, sniffed by content (not by name or declared type). */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
export const UPLOAD_MAX_FILES = 3
const ALLOWED = new Set(['application/pdf', 'image/jpeg', 'image/png'])

export interface Upload {
  field: string
  fileName: string
  data: Buffer
}

export interface Receipt {
  id: number
  queryCode: string
  receivedOn: CalendarDay
  dueBy: string | null
  provisional: boolean
}

/** Checks each upload by its bytes; returns the detected types or throws naming the field. */
export async function sniffUploads(files: Upload[]): Promise<{ upload: Upload; mime: string }[]> {
  const errors: FieldProblem[] = []
  const out: { upload: Upload; mime: string }[] = []
  if (files.length > UPLOAD_MAX_FILES) errors.push({ field: 'files', message: `最多上传${UPLOAD_MAX_FILES}个文件` })
  for (const f of files) {
    if (f.data.length === 0) continue
    if (f.data.length > UPLOAD_LIMIT_BYTES) {
      errors.push({ field: f.field, message: `「${f.fileName}」超过${UPLOAD_LIMIT_BYTES / 1024 / 1024}MB` })
      continue
    }
    const type = await fileTypeFromBuffer(f.data)
    if (!type || !ALLOWED.has(type.mime)) {
      errors.push({ field: f.field, message: `「${f.fileName}」不是 PDF、JPEG 或 PNG 文件（按文件内容识别）` })
      continue
    }
    out.push({ upload: f, mime: type.mime })
  }
  if (errors.length) throw new ValidationError(errors)
  return out
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
  const sniffed = await sniffUploads(p.files)
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
