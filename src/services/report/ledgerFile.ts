import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { decodeText, type TextEncoding } from '../../audit/decode.js'
import { ValidationError } from '../errors.js'

export interface LedgerFile {
  /** rows of text cells, row 0 the header */
  rows: string[][]
  /** how the file was read: UTF-8, UTF-16 or GBK for a CSV (see decodeText); XLSX for a workbook */
  encoding: TextEncoding | 'XLSX'
}

/** Larger than a ledger of 100,000 cases; an import is refused before it is read (issue 15 finding 11). */
export const LEDGER_MAX_BYTES = 50 * 1024 * 1024
/** Rows of a ledger below its header. */
export const LEDGER_MAX_ROWS = 100_000

const tooManyRows = () =>
  new ValidationError([{ field: 'file', message: `台账行数过多（不超过${LEDGER_MAX_ROWS}行，请分成几个文件导入）` }])

/** A ledger file as rows of text cells (row 0 = header). CSV (UTF-8 with or without BOM, UTF-16, GBK) or XLSX (first sheet). */
export async function readLedgerFile(path: string): Promise<LedgerFile> {
  const ext = extname(path).toLowerCase()
  const size = statSync(path).size
  if (size > LEDGER_MAX_BYTES)
    throw new ValidationError([
      {
        field: 'file',
        message: `台账文件过大（${Math.ceil(size / 1024 / 1024)}MB，不超过${LEDGER_MAX_BYTES / 1024 / 1024}MB）`,
      },
    ])
  if (ext === '.csv') {
    const { text, encoding } = decodeText(readFileSync(path))
    const rows = parseCsv(text)
    if (rows.length > LEDGER_MAX_ROWS + 1) throw tooManyRows()
    return { rows, encoding }
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
  // read as a stream, row by row, and stop at the row limit: a whole workbook in memory took 3.5 GB for 20 MB
  const book = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  })
  const rows: string[][] = []
  for await (const sheet of book) {
    for await (const r of sheet) {
      const values = Array.isArray(r.values) ? (r.values as unknown[]).slice(1) : []
      rows[r.number - 1] = values.map(cellText)
      if (r.number > LEDGER_MAX_ROWS + 1) throw tooManyRows()
    }
    break // the first sheet only
  }
  return Array.from(rows, (r) => r ?? []).filter((r) => r.some((c) => c.trim() !== ''))
}
