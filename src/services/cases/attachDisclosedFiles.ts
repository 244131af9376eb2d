import { fileTypeFromBuffer } from 'file-type'
import { STEP_PERMISSION } from '../../domain/auth/caseSteps.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { insertApplicationFile } from '../../store/applicationFileRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { loadCaseContext } from '../caseContext.js'
import type { FieldProblem } from '../errors.js'
import { ValidationError } from '../errors.js'
import { caseResource } from './caseResource.js'
import type { Upload } from './submitOnlineApplication.js'

/** The information an answer discloses: documents and scans, sniffed by content. */
export const DISCLOSED_LIMIT_BYTES = 20 * 1024 * 1024
export const DISCLOSED_MAX_FILES = 5
const DISCLOSED_TYPES = new Map([
  ['application/pdf', 'PDF'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
  ['application/ofd', 'OFD'],
])

async function sniffDisclosed(files: Upload[]) {
  const errors: FieldProblem[] = []
  const out: { upload: Upload; mime: string }[] = []
  if (files.length === 0) errors.push({ field: 'disclosed', message: '请选择要公开的信息文件' })
  if (files.length > DISCLOSED_MAX_FILES)
    errors.push({ field: 'disclosed', message: `一次最多上传${DISCLOSED_MAX_FILES}个文件` })
  for (const f of files) {
    if (f.data.length > DISCLOSED_LIMIT_BYTES) {
      errors.push({ field: 'disclosed', message: `「${f.fileName}」超过${DISCLOSED_LIMIT_BYTES / 1024 / 1024}MB` })
      continue
    }
    const type = await fileTypeFromBuffer(f.data)
    if (!type || !DISCLOSED_TYPES.has(type.mime)) {
      const kinds = [...new Set(DISCLOSED_TYPES.values())].join('、')
      errors.push({ field: 'disclosed', message: `「${f.fileName}」不是 ${kinds} 文件（按文件内容识别）` })
      continue
    }
    out.push({ upload: f, mime: type.mime })
  }
  if (errors.length) throw new ValidationError(errors)
  return out
}

export interface AttachDisclosedFilesProps {
  store: Store
  actor: Actor
  applicationId: number
  files: Upload[]
  today: CalendarDay
}

/**
 * Staff attach the information the answer discloses (issue 14 point 4): whoever may answer the case, before or
 * after recording the answer, while the case is not archived. The applicant downloads them from the status page
 * after the second factor. Files and audit entry in one transaction.
 */
export async function attachDisclosedFiles(p: AttachDisclosedFilesProps): Promise<number> {
  const c = await loadCaseContext(p.store.db, p.applicationId, p.today)
  authorize(p.actor, STEP_PERMISSION.answered, caseResource(c.row))
  if (c.state === 'archived') throw new ValidationError([{ field: 'disclosed', message: '已归档的申请不能再上传文件' }])
  const sniffed = await sniffDisclosed(p.files)
  await p.store.db.transaction().execute(async (trx) => {
    for (const s of sniffed)
      await insertApplicationFile(trx, {
        applicationId: p.applicationId,
        purpose: 'disclosed',
        fileName: s.upload.fileName,
        mime: s.mime,
        data: s.upload.data,
      })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'case.disclosedFileAdded',
      targetType: 'application',
      targetId: p.applicationId,
      detail: { files: sniffed.map((s) => s.upload.fileName) },
    })
  })
  return sniffed.length
}
