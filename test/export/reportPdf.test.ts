import { readFileSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { parseReport } from '../../src/audit/parseReport.js'
import { PdfUnavailable, reportPdf } from '../../src/export/reportPdf.js'

// The report's PDF (issue 13, decision 0025): its DOCX converted by LibreOffice; without LibreOffice, a typed
// error whose message tells the reader what to download instead.

const model = parseReport(readFileSync(new URL('../fixtures/seeds/fuzhou-2020.txt', import.meta.url), 'utf8'))
const saved = process.env.GONGKAI_SOFFICE
afterEach(() => {
  if (saved === undefined) delete process.env.GONGKAI_SOFFICE
  else process.env.GONGKAI_SOFFICE = saved
})

it('the report converts to a PDF', async () => {
  const pdf = await reportPdf(model)
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  expect(pdf.length).toBeGreaterThan(10_000)
}, 60_000)

it('without LibreOffice the PDF is refused with a Chinese message naming the other files', async () => {
  process.env.GONGKAI_SOFFICE = '/nonexistent/soffice'
  const err = await reportPdf(model).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(PdfUnavailable)
  expect((err as PdfUnavailable).message).toBe('暂时无法生成 PDF 文件，请下载 Word 或 Excel 版本')
})
