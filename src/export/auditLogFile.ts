import ExcelJS from 'exceljs'

/** One audit record as exported, in words. */
export interface AuditLine {
  seq: number
  at: string
  actor: string
  ip: string
  action: string
  target: string
  detail: string
  hash: string
}

const COLUMNS: { key: keyof AuditLine; header: string; width: number }[] = [
  { key: 'seq', header: '序号', width: 8 },
  { key: 'at', header: '时间（UTC）', width: 26 },
  { key: 'actor', header: '操作人', width: 16 },
  { key: 'ip', header: '来源地址', width: 16 },
  { key: 'action', header: '操作', width: 28 },
  { key: 'target', header: '对象', width: 20 },
  { key: 'detail', header: '详情', width: 48 },
  { key: 'hash', header: 'SM3', width: 66 },
]

/** A cell a spreadsheet would read as a formula (=, +, -, @, or a leading TAB or CR) is kept as text. */
function safeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

function csvCell(v: string | number): string {
  const s = safeText(String(v))
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The records as CSV (UTF-8 with BOM, so Excel reads the Chinese). */
export function auditLogCsv(lines: AuditLine[]): Buffer {
  const rows = [COLUMNS.map((c) => c.header), ...lines.map((l) => COLUMNS.map((c) => l[c.key]))]
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8')
}

/** The records as an XLSX workbook, every cell text. */
export async function auditLogXlsx(title: string, lines: AuditLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'gongkai'
  wb.title = title
  const ws = wb.addWorksheet('审计日志')
  ws.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }))
  ws.getRow(1).font = { bold: true }
  for (const l of lines)
    ws.addRow(
      Object.fromEntries(
        COLUMNS.map((c) => [c.key, typeof l[c.key] === 'number' ? l[c.key] : safeText(String(l[c.key]))]),
      ),
    )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
