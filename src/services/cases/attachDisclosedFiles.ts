import { STEP_PERMISSION } from '../../domain/auth/caseSteps.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { insertApplicationFile } from '../../store/applicationFileRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { loadCaseContext } from '../caseContext.js'
import { ValidationError } from '../errors.js'
import { caseResource } from './caseResource.js'
import type { Upload } from './sniffUploads.js'
import { DISCLOSED_UPLOADS, sniffUploads } from './sniffUploads.js'

export { DISCLOSED_LIMIT_BYTES, DISCLOSED_MAX_FILES } from './sniffUploads.js'

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
  const sniffed = await sniffUploads(p.files, DISCLOSED_UPLOADS)
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
