import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { decodeText, type TextEncoding } from '../../audit/decode.js'
import { ValidationError } from '../errors.js'

export interface LedgerFile {
  /** rows of text cells, row 0 the header */
  rows: string[][]
  /** how the file was read: UTF-8, UTF-16 or GBK for a CSV (see decodeText); XLSX for a workbook */
  encoding: TextEncoding | 'XLSX'
}

/** A ledger file as rows of text cells (row 0 = header). CSV (UTF-8 with or without BOM, UTF-16, GBK) or XLSX (first sheet). */
export async function readLedgerFile(path: string): Promise<LedgerFile> {
  const ext = extname(path).toLowerCase()
  if (ext === '.csv') {
    const { text, encoding } = decodeText(readFileSync(path))
    return { rows: parseCsv(text), encoding }
  }
  if (ext === '.xlsx') return { rows: await readXlsx(path), encoding: 'XLSX' }
  throw new ValidationError([{ field: 'file', message: `台账文件应为 .csv 或 .xlsx（收到：${path}）` }])
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10) // Excel dates are stored as UTC midnight
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] }
    if (o.richText) return o.richText.map((r) => r.text).join('')
    if (o.result !== undefined) return cellText(o.result)
    if (o.text !== undefined) return String(o.text)
  }
  return String(v)
}

async function readXlsx(path: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.worksheets[0]
  if (!ws) return []
  const rows: string[][] = []
  ws.eachRow({ includeEmpty: true }, (r) => {
    const values = Array.isArray(r.values) ? (r.values as unknown[]).slice(1) : []
    rows.push(values.map(cellText))
  })
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}
