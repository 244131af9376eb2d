import { auditCsv } from '../../audit/csv.js'
import type { AuditedFile } from '../../audit/csv.js'
import type { ParsedReport } from '../../audit/parseReport.js'
import { reportText, UnsupportedReportFile } from '../../audit/upload.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { TooManyRequests, ValidationError } from '../errors.js'
import { hitRateLimit } from '../rateLimits.js'
import { checkOffLoop, ReportCheckTimedOut, ReportTooComplex } from './reportCheckPool.js'

// 年报体检: published annual reports read back and checked (src/audit), for the public one at a time and for
// supervisors many at once.

const PUBLIC_RATE = { limit: 30, windowMs: 60_000 }

export interface UploadedFile {
  name: string
  data: Buffer
}

/** A file the checker cannot read (a PDF, an image …): the page answers 415 with the reason. */
class UnsupportedUpload extends Error {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE'
}

class TooManyChecks extends TooManyRequests {
  constructor(retryAfter: number) {
    super(retryAfter)
    this.message = `检查过于频繁，请 ${retryAfter} 秒后再试`
  }
}

/**
 * The public check of one report, pasted (`text`) or uploaded (`file`, which wins): its tables as read and what
 * does not add up. Limited per address.
 */
export async function checkReport(props: {
  store: Store
  actor: Actor
  text: string
  file?: UploadedFile | undefined
}): Promise<{ report: ParsedReport; source: string }> {
  const rate = await hitRateLimit(
    props.store.db,
    `report-check:${props.actor.ip}`,
    PUBLIC_RATE.limit,
    PUBLIC_RATE.windowMs,
  )
  if (!rate.allowed) throw new TooManyChecks(rate.retryAfter)
  const { file } = props
  let text = props.text.trim()
  if (file) {
    try {
      text = await reportText(file.name, file.data)
    } catch (err) {
      if (err instanceof UnsupportedReportFile) throw new UnsupportedUpload(err.message)
      throw err
    }
  }
  if (text === '')
    throw new ValidationError([{ field: 'text', message: '请粘贴报告全文或上传报告文件（text 或 file）' }])
  return { report: await checkOffLoop(text), source: file ? `上传的文件“${file.name}”` : '粘贴的文字' }
}

/** A supervisor's check of many reports: one CSV row per file (a file that cannot be read says why in its row). */
export async function checkReportFiles(props: { actor: Actor; files: UploadedFile[] }): Promise<string> {
  authorize(props.actor, 'console.view')
  if (props.files.length === 0)
    throw new ValidationError([{ field: 'files', message: '请选择要检查的报告文件（files）' }])
  const audited: AuditedFile[] = []
  for (const f of props.files) {
    try {
      audited.push({ file: f.name, report: await checkOffLoop(await reportText(f.name, f.data)) })
    } catch (err) {
      const unreadable =
        err instanceof UnsupportedReportFile || err instanceof ReportTooComplex || err instanceof ReportCheckTimedOut
      if (!unreadable) throw err
      audited.push({ file: f.name, error: err.message })
    }
  }
  return auditCsv(audited)
}
