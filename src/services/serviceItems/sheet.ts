import { decodeText } from '../../audit/decode.js'
import { parseCsv } from '../report/ledgerFile.js'
import { ValidationError } from '../errors.js'

export const MAX_SHEET_BYTES = 10 * 1024 * 1024

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] }
    if (o.richText) return o.richText.map((r) => r.text).join('')
    if (o.result !== undefined) return cellText(o.result)
    if (o.text !== undefined) return String(o.text)
  }
  return String(v)
}

/** The usual 事项清单 spreadsheet as rows of text (row 0 the header): XLSX (first sheet, by its bytes) or CSV. */
export async function readServiceSheet(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  if (bytes.byteLength > MAX_SHEET_BYTES)
    throw new ValidationError([{ field: 'file', message: '文件过大（不超过10MB）' }])
  // a workbook is a ZIP: its first bytes say so whatever its name
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (zip) {
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    } catch {
      throw new ValidationError([{ field: 'file', message: '无法读取该 Excel 文件，请另存为 .xlsx 后重试' }])
    }
    const ws = wb.worksheets[0]
    const rows: string[][] = []
    ws?.eachRow({ includeEmpty: false }, (r) => {
      const values = Array.isArray(r.values) ? (r.values as unknown[]).slice(1) : []
      rows.push(values.map(cellText))
    })
    return rows
  }
  if (!/\.csv$/i.test(fileName) && fileName !== '')
    throw new ValidationError([{ field: 'file', message: '事项清单应为 .xlsx 或 .csv 文件' }])
  return parseCsv(decodeText(bytes).text)
}
