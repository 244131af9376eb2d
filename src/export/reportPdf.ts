import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AnnualReport } from '../domain/report/model.js'

const TIMEOUT_MS = 60_000

/** LibreOffice is missing or failed: the PDF cannot be made (the DOCX and XLSX still can). */
export class PdfUnavailable extends Error {
  readonly code = 'PDF_UNAVAILABLE'
  constructor(readonly detail: string) {
    super('暂时无法生成 PDF 文件，请下载 Word 或 Excel 版本')
  }
}

/**
 * The report as a PDF: its DOCX converted by LibreOffice (headless, a private profile per run so that
 * conversions in parallel do not share one). About 2 s a report; callers keep the result.
 */
export async function reportPdf(model: AnnualReport): Promise<Buffer> {
  const { reportDocx } = await import('./reportDocx.js')
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-pdf-'))
  try {
    const docx = join(dir, 'report.docx')
    await writeFile(docx, await reportDocx(model))
    await new Promise<void>((resolve, reject) => {
      execFile(
        // the office suite that turns the DOCX into a PDF: LibreOffice, or the binary GONGKAI_SOFFICE names
        process.env.GONGKAI_SOFFICE ?? 'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { timeout: TIMEOUT_MS },
        (err, _stdout, stderr) => (err ? reject(new PdfUnavailable(`${err.message} ${stderr}`)) : resolve()),
      )
    })
    try {
      return await readFile(join(dir, 'report.pdf'))
    } catch {
      throw new PdfUnavailable('LibreOffice wrote no PDF')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
