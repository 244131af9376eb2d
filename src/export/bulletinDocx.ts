import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import type { BulletinFigures, BulletinText } from '../domain/supervision/bulletin.js'

// 《党政机关公文格式》(GB/T 9704-2012) as a 通报 uses it: red 发文机关标志, 发文字号, a red rule, the title in
// 小标宋 2号, 主送机关, the body in 仿宋 3号 with 黑体 headings, and the 发文机关署名 and 成文日期 at the end.
const TEXT_WIDTH = 8844 // 156 mm of text on A4 with 28/26 mm side margins
const FS = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong' }
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei' }
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' }
const RED = 'D40000'
const BODY = 32 // half-points: 3号 = 16 pt

const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, size: BODY, font: FS })],
  })

const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, size: BODY, font: HEI })],
  })

const pct = (n: number, d: number) => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : '—')

function cell(text: string, bold = false) {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60 },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: 21, bold, font: SONG })] }),
    ],
  })
}

function figuresTable(f: BulletinFigures): Table {
  const head = ['排名', '单位', '收到申请', '办结', '按时答复率', '目前超期', '纠正率', '主动公开', '综合得分']
  const widths = [600, 2400, 800, 700, 1000, 800, 800, 844, 900]
  const rows = [...f.lines].sort((a, b) => a.rank - b.rank)
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map(
        (l) =>
          new TableRow({
            cantSplit: true,
            children: [
              String(l.rank),
              l.agency,
              String(l.received),
              String(l.answered),
              pct(l.onTime, l.answered),
              String(l.overdueNow),
              l.correctedRate === null ? '—' : `${(l.correctedRate * 100).toFixed(1)}%`,
              String(l.proactive),
              l.score === null ? '—' : l.score.toFixed(1),
            ].map((t) => cell(t)),
          }),
      ),
    ],
  })
}

/** The 通报 as a Word document, from its edited text and the figures it was generated with. */
export async function bulletinDocx(input: {
  issuer: string
  text: BulletinText
  figures: BulletinFigures
  /** 成文日期 as it is written: 2026年1月15日 */
  dateText: string
}): Promise<Buffer> {
  const { text, figures: f } = input
  const paragraphs = (s: string) =>
    s
      .split(/\n+/)
      .filter((l) => l.trim())
      .map(body)
  const doc = new Document({
    styles: { default: { document: { run: { font: FS, size: BODY } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [new TextRun({ text: `${input.issuer}文件`, size: 72, color: RED, bold: true, font: SONG })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
            spacing: { after: 480 },
            children: [new TextRun({ text: text.docNo || ' ', size: BODY, font: FS })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 480, line: 700, lineRule: 'exact' },
            children: [new TextRun({ text: text.title, size: 44, font: SONG, bold: true })],
          }),
          new Paragraph({
            spacing: { line: 560, lineRule: 'exact' },
            children: [new TextRun({ text: `${f.root}所属各单位：`, size: BODY, font: FS })],
          }),
          ...paragraphs(text.intro),
          heading('一、各单位政务公开工作情况'),
          body(
            `${f.period}，共收到政府信息公开申请${f.total.received}件，办结${f.total.answered}件，按时答复率${pct(f.total.onTime, f.total.answered)}；截至${f.asOf}，超期未办${f.total.overdueNow}件。各单位情况及综合得分排名如下：`,
          ),
          figuresTable(f),
          heading('二、存在超期未办申请的单位'),
          ...(f.overdue.length
            ? f.overdue.map((o, i) => body(`${i + 1}. ${o.agency}：超期未办${o.count}件。`))
            : [body('无。')]),
          heading('三、年度报告逾期或数据不一致的单位'),
          ...(f.reports.length ? f.reports.map((r, i) => body(`${i + 1}. ${r.agency}：${r.issue}。`)) : [body('无。')]),
          heading('四、工作要求'),
          ...paragraphs(text.closing || '（无）'),
          new Paragraph({ spacing: { before: 960 }, children: [] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 1280 },
            children: [new TextRun({ text: input.issuer, size: BODY, font: FS })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 1280 },
            children: [new TextRun({ text: input.dateText, size: BODY, font: FS })],
          }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
