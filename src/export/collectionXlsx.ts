import ExcelJS from 'exceljs'

export interface CollectionSheetLine {
  agency: string
  status: string
  due: string
  publishedOn: string
  late: boolean
  findings: number
  findingText: string
  received: number
  answered: number
  statedReceived: number | null
  statedAnswered: number | null
}

export interface CollectionSums {
  label: string
  records: (string | number)[]
  published: (string | number)[]
}

/** The annual-report collection of a subtree as a workbook: one sheet of agencies, one of the sums. */
export async function collectionXlsx(input: {
  title: string
  lines: CollectionSheetLine[]
  sumHeader: string[]
  sums: CollectionSums
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('年度报告收集')
  ws.addRow([input.title]).font = { bold: true, size: 14 }
  ws.addRow([
    '机关',
    '状态',
    '发布期限',
    '发布日期',
    '是否逾期',
    '审读发现问题数',
    '审读发现',
    '记录：收到申请',
    '记录：办结',
    '报告：收到申请',
    '报告：办结',
  ]).font = { bold: true }
  for (const l of input.lines)
    ws.addRow([
      l.agency,
      l.status,
      l.due,
      l.publishedOn,
      l.late ? '是' : '否',
      l.findings,
      l.findingText,
      l.received,
      l.answered,
      l.statedReceived ?? '',
      l.statedAnswered ?? '',
    ])
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 30 : i === 6 ? 60 : 14))
  const sums = wb.addWorksheet('表三表四合计')
  sums.addRow(['', ...input.sumHeader]).font = { bold: true }
  sums.addRow([`${input.sums.label}（由记录计算）`, ...input.sums.records])
  sums.addRow([`${input.sums.label}（已发布报告之和）`, ...input.sums.published])
  sums.getColumn(1).width = 36
  return Buffer.from(await wb.xlsx.writeBuffer())
}
