import { createHash } from 'node:crypto'
import { annualReportSchema } from '../../domain/report/modelSchema.js'
import { isReportFileKind, renderReportFile, REPORT_FILES, reportFileName } from '../../export/reportFile.js'
import { findAgencyByCode } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { listSnapshots } from '../../store/reportEntryRepo.js'
import type { AttachmentStorage } from '../catalog/attachmentStorage.js'
import { NotFoundError } from '../errors.js'

/**
 * A file of an agency's latest published report of a year, for anyone (the portal's download links): made from
 * the published version, never from a fresh computation. The PDF takes LibreOffice about 2 s, so it is made on
 * the first request for a version and kept in the file storage (docs/decisions/0025-report-pdf.md).
 */
export async function publishedReportFile(props: {
  store: Store
  storage: AttachmentStorage
  agencyCode: string
  year: number
  kind: string
}): Promise<{ body: string | Buffer; type: string; attachment: boolean; fileName: string }> {
  const { kind } = props
  const agency = await findAgencyByCode(props.store.db, props.agencyCode)
  if (!agency || !isReportFileKind(kind)) throw new NotFoundError('该报告文件')
  const latest = (await listSnapshots(props.store.db, agency.id, props.year)).at(-1)
  if (!latest) throw new NotFoundError('该年度已发布的报告')
  const model = annualReportSchema.parse(JSON.parse(latest.model))
  const file = { ...REPORT_FILES[kind], fileName: reportFileName(model, kind) }
  if (kind !== 'pdf') return { ...file, body: await renderReportFile(model, kind) }
  const digest = createHash('sha256').update(`report.pdf\n${latest.model}`).digest('hex')
  const key = `${digest.slice(0, 2)}/${digest.slice(2)}`
  const kept = await props.storage.get(key)
  if (kept) return { ...file, body: kept }
  const pdf = await renderReportFile(model, 'pdf')
  await props.storage.put(key, typeof pdf === 'string' ? Buffer.from(pdf) : pdf)
  return { ...file, body: pdf }
}
