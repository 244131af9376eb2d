import ExcelJS from 'exceljs'

/** One line of the 依申请公开台账, in words (labels, not codes). */
export interface LedgerLine {
  ref: string
  agency: string
  receivedOn: string
  channel: string
  applicantKind: string
  applicantName: string
  description: string
  department: string
  state: string
  dueBy: string
  concludedOn: string
  outcome: string
}

const COLUMNS: { key: keyof LedgerLine; header: string; width: number }[] = [
  { key: 'ref', header: '编号', width: 16 },
  { key: 'agency', header: '机关', width: 24 },
  { key: 'receivedOn', header: '收到日期', width: 12 },
  { key: 'channel', header: '申请方式', width: 10 },
  { key: 'applicantKind', header: '申请人类型', width: 12 },
  { key: 'applicantName', header: '申请人', width: 16 },
  { key: 'description', header: '申请内容', width: 48 },
  { key: 'department', header: '承办处室', width: 14 },
  { key: 'state', header: '状态', width: 10 },
  { key: 'dueBy', header: '答复期限', width: 14 },
  { key: 'concludedOn', header: '办结日期', width: 12 },
  { key: 'outcome', header: '办理结果', width: 24 },
]

const thin = { style: 'thin' as const }

/**
 * The 依申请公开台账 as an XLSX workbook: a title, the filters it was taken with, one row per case. Dates stay
 * text (YYYY-MM-DD): a date of the law is a calendar day, not an instant Excel may shift.
 */
export async function caseListXlsx(input: { title: string; filters: string; lines: LedgerLine[]; note?: string }) {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'gongkai'
  wb.title = input.title
  const ws = wb.addWorksheet('依申请公开台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }))
  ws.mergeCells(1, 1, 1, COLUMNS.length)
  ws.getCell(1, 1).value = input.title
  ws.getCell(1, 1).font = { bold: true, size: 14 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  ws.mergeCells(2, 1, 2, COLUMNS.length)
  ws.getCell(2, 1).value =
    `筛选条件：${input.filters}；共 ${input.lines.length} 件${input.note ? `；${input.note}` : ''}`
  const header = ws.getRow(3)
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.font = { bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
    cell.border = { top: thin, left: thin, bottom: thin, right: thin }
  })
  for (const line of input.lines) {
    const row = ws.addRow(COLUMNS.map((c) => line[c.key]))
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: thin, left: thin, bottom: thin, right: thin }
      cell.alignment = { vertical: 'top', wrapText: true }
    })
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}
