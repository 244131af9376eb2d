import { fileTypeFromBuffer } from 'file-type'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { appendAudit } from '../../services/auditLog.js'
import { ValidationError } from '../../services/errors.js'
import { registerApplication, zodErrors } from '../../services/registerApplication.js'
import { applicantNameOf, applicantRecord, publicApplication } from './publicApplyInput.js'

/** Uploads: ID proof and supporting papers, sniffed by content (not by name or declared type). */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
export const UPLOAD_MAX_FILES = 3
const ALLOWED = new Map([
  ['application/pdf', 'PDF'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
])

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
  const errors: { field: string; message: string }[] = []
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

/**
 * An online application (《条例》第三十一条第（三）项: received on the day the system confirms it, i.e. now).
 * Registered, files stored and the audit record written before anything is acknowledged: a receipt the
 * applicant sees is a committed row.
 */
export async function submitOnlineApplication(
  store: Store,
  input: unknown,
  files: Upload[],
  meta: { ip: string },
  today: CalendarDay,
): Promise<Receipt> {
  const parsed = publicApplication.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const a = parsed.data
  const sniffed = await sniffUploads(files)
  const agency = await store.db.selectFrom('agencies').select(['id']).where('code', '=', a.agency).executeTakeFirst()
  if (!agency)
    throw new ValidationError([{ field: 'agency', message: '未找到该机关（agency 应为受理机关的统一社会信用代码）' }])
  const file = await registerApplication(
    store,
    {
      agencyId: Number(agency.id),
      channel: 'online',
      receivedOn: today,
      applicantKind: a.applicantKind,
      applicantName: applicantNameOf(a),
      applicant: applicantRecord(a),
      description: a.documentNumber ? `${a.description}（文号：${a.documentNumber}）` : a.description,
      actor: 'online',
    },
    today,
    // the uploads and the audit record commit with the case: a receipt shown is all of it
    async (trx, f) => {
      const id = Number(f.row.id)
      for (const s of sniffed) {
        await trx
          .insertInto('application_files')
          .values({
            application_id: id,
            purpose: s.upload.field,
            file_name: s.upload.fileName.slice(0, 200),
            mime: s.mime,
            size: s.upload.data.length,
            content_base64: s.upload.data.toString('base64'),
            created_at: nowIso(),
          })
          .execute()
      }
      await appendAudit(trx, {
        actor: 'public',
        ip: meta.ip,
        action: 'case.registered',
        targetType: 'application',
        targetId: id,
        detail: { channel: 'online', ref: f.row.ref, files: sniffed.length },
      })
    },
  )
  const id = Number(file.row.id)
  return {
    id,
    queryCode: file.row.query_code,
    receivedOn: file.clock.receivedOn,
    dueBy: file.clock.deadline?.day ?? null,
    // the mark belongs to the date shown: the deadline in force
    provisional: file.clock.deadline?.provisional ?? false,
  }
}
