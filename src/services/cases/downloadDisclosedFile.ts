import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { findApplicationByQueryCode } from '../../store/applicationRepo.js'
import { findApplicationFileFor } from '../../store/applicationFileRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { loadCaseContext } from '../caseContext.js'
import { Forbidden, NotFoundError } from '../errors.js'
import { appendCaseEvent } from '../recordEvent.js'
import { grantValid } from './grantDownload.js'

export interface DownloadDisclosedFileProps {
  store: Store
  actor: Actor
  queryCode: string
  /** the download grant the second factor gave */
  grant: string
  fileId: number
  today: CalendarDay
  now: Date
}

/**
 * A disclosed file, to the applicant who proved the query code and the second factor. The first download of
 * an answered case is its 送达 (electronic delivery: the `delivered` step through appendCaseEvent, as the
 * console records it); each download is audited. All in one transaction.
 */
export async function downloadDisclosedFile(p: DownloadDisclosedFileProps) {
  const row = await findApplicationByQueryCode(p.store.db, p.queryCode.trim().toUpperCase())
  if (!row) throw new NotFoundError('该申请')
  const id = Number(row.id)
  if (!(await grantValid(p.store, id, p.grant, p.now))) throw new Forbidden('请先完成身份验证再下载')
  const file = await findApplicationFileFor(p.store.db, id, p.fileId, 'disclosed')
  if (!file) throw new NotFoundError('该文件')
  const c = await loadCaseContext(p.store.db, id, p.today)
  await p.store.db.transaction().execute(async (trx) => {
    const first = c.state === 'answered'
    if (first)
      await appendCaseEvent(trx, id, { kind: 'delivered', on: p.today, actor: 'online', method: 'electronic' }, p.today)
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'case.disclosedFileDownloaded',
      targetType: 'application',
      targetId: id,
      detail: { file: file.id, ...(first ? { delivered: p.today } : {}) },
    })
  })
  return file
}
