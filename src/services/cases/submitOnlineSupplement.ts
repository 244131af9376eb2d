import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { findApplicationByQueryCode } from '../../store/applicationRepo.js'
import { insertApplicationFile } from '../../store/applicationFileRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { loadCaseContext } from '../caseContext.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { appendCaseEvent } from '../recordEvent.js'
import { zodErrors } from '../registerApplication.js'
import type { Upload } from './sniffUploads.js'
import { APPLICANT_UPLOADS, sniffUploads } from './sniffUploads.js'

const supplementInput = z.object({
  code: z.string().trim().toUpperCase().min(1, '请填写查询码'),
  text: z.string().trim().min(2, '请写明补正的内容（至少2个字）').max(5000, '补正内容过长（不超过5000字）'),
})

export interface SubmitOnlineSupplementProps {
  store: Store
  /** the applicant on the portal (publicActor) */
  actor: Actor
  /** the form's fields: the query code and the text of the supplement */
  input: unknown
  files: Upload[]
  today: CalendarDay
  /** the time of sending in Asia/Shanghai ('HH:MM'): after hours, it counts from the next working day (decision 0007) */
  at?: string | undefined
}

/**
 * 《条例》第三十条: the applicant completes the application online. The same step the console records on
 * receiving a supplement (`supplementReceived` through appendCaseEvent, via 'online' with its time), so the 20
 * working days start again as the one clock computes; the text (as a file) and the uploads, sniffed and
 * size-limited, are kept with the case. One transaction: a refused supplement writes nothing.
 */
export async function submitOnlineSupplement(p: SubmitOnlineSupplementProps) {
  const parsed = supplementInput.safeParse(p.input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const sniffed = await sniffUploads(p.files, APPLICANT_UPLOADS)
  const row = await findApplicationByQueryCode(p.store.db, parsed.data.code)
  if (!row) throw new NotFoundError('该查询码对应的申请')
  const id = Number(row.id)
  const c = await loadCaseContext(p.store.db, id, p.today)
  if (c.state !== 'awaitingSupplement') throw new ValidationError([{ field: 'text', message: '该申请当前不需要补正' }])
  return p.store.db.transaction().execute(async (trx) => {
    const event = { kind: 'supplementReceived' as const, on: p.today, actor: 'online', via: 'online' as const }
    const file = await appendCaseEvent(trx, id, p.at ? { ...event, at: p.at } : event, p.today)
    const text = Buffer.from(parsed.data.text, 'utf8')
    await insertApplicationFile(trx, {
      applicationId: id,
      purpose: 'supplementText',
      fileName: `补正说明-${p.today}.txt`,
      mime: 'text/plain; charset=utf-8',
      data: text,
    })
    for (const s of sniffed)
      await insertApplicationFile(trx, {
        applicationId: id,
        purpose: 'supplement',
        fileName: s.upload.fileName,
        mime: s.mime,
        data: s.upload.data,
      })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'case.supplementReceived',
      targetType: 'application',
      targetId: id,
      detail: { via: 'online', files: sniffed.length, ...(p.at ? { at: p.at } : {}) },
    })
    return { queryCode: row.query_code, dueBy: file.clock.deadline?.day ?? null }
  })
}
