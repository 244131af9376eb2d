import type { ApplicationFileContent } from '../../store/applicationFileRepo.js'
import { findApplicationFile } from '../../store/applicationFileRepo.js'
import { findApplication } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError } from '../errors.js'
import { caseResource } from './caseResource.js'

export interface CaseFileDownloadProps {
  store: Store
  actor: Actor
  applicationId: number
  fileId: number
}

/**
 * One file the applicant sent (ID proof, supporting papers) for staff who may read the case: personal data
 * (《个人信息保护法》第五十一条: access controlled and recorded), so every read is an audit entry, written in
 * the same transaction as the read.
 * docs/decisions/0022-case-file-for-staff.md
 */
export async function caseFileDownload({
  store,
  actor,
  applicationId,
  fileId,
}: CaseFileDownloadProps): Promise<ApplicationFileContent> {
  const row = await findApplication(store.db, applicationId)
  if (!row) throw new NotFoundError('申请')
  authorize(actor, 'case.read', caseResource(row), '无权查看该申请的附件')
  return store.db.transaction().execute(async (trx) => {
    const file = await findApplicationFile(trx, applicationId, fileId)
    if (!file) throw new NotFoundError('附件')
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'case.fileRead',
      targetType: 'application',
      targetId: applicationId,
      detail: { fileId, fileName: file.fileName },
    })
    return file
  })
}
