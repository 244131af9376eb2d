import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TextRun } from 'docx'
import type { BulletinFigures, BulletinText } from '../domain/supervision/bulletin.js'
import { FONTS, a4Page, a4TextWidth, fixedTable, lines, pngFigure } from './docxLayout.js'

// 《党政机关公文格式》(GB/T 9704-2012) as a 通报 uses it: red 发文机关标志, 发文字号, a red rule, the title in
// 小标宋 2号, 主送机关, the body in 仿宋 3号 with 黑体 headings, and the 发文机关署名 and 成文日期 at the end.
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } // 28/26 mm side margins
const TEXT_WIDTH = a4TextWidth(MARGIN.left, MARGIN.right) // 156 mm
const RED = 'D40000'
const BODY = 32 // half-points: 3号 = 16 pt

const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, size: BODY, font: FONTS.fang })],
  })

const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, size: BODY, font: FONTS.hei })],
  })

const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, size: 24, font: FONTS.hei })],
  })

const pct = (n: number, d: number) => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : '—')

function figuresTable(f: BulletinFigures): Table {
  const head = ['排名', '单位', '收到申请', '办结', '按时答复率', '目前超期', '纠正率', '主动公开', '综合得分']
  const rows = [...f.lines].sort((a, b) => a.rank - b.rank)
  return fixedTable({
    width: TEXT_WIDTH,
    relativeWidths: [600, 2400, 800, 700, 1000, 800, 800, 844, 900],
    size: 21,
    font: FONTS.song,
    margin: 60,
    headerRow: true,
    rows: [
      head.map((text) => ({ text, bold: true })),
      ...rows.map((l) =>
        [
          String(l.rank),
          l.agency,
          String(l.received),
          String(l.answered),
          pct(l.onTime, l.answered),
          String(l.overdueNow),
          l.correctedRate === null ? '—' : `${(l.correctedRate * 100).toFixed(1)}%`,
          String(l.proactive),
          l.score === null ? '—' : l.score.toFixed(1),
        ].map((text) => ({ text })),
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
  /** the figures' chart (bulletinPng), placed under the table with its title as caption */
  chart?: { title: string; png: { data: Buffer; width: number; height: number } }
}): Promise<Buffer> {
  const { text, figures: f, chart } = input
  const paragraphs = (s: string) => lines(s).map(body)
  const doc = new Document({
    styles: { default: { document: { run: { font: FONTS.fang, size: BODY } } } },
    sections: [
      {
        properties: a4Page(MARGIN),
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [
              new TextRun({ text: `${input.issuer}文件`, size: 72, color: RED, bold: true, font: FONTS.song }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
            spacing: { after: 480 },
            children: [new TextRun({ text: text.docNo || ' ', size: BODY, font: FONTS.fang })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 480, line: 700, lineRule: 'exact' },
            children: [new TextRun({ text: text.title, size: 44, font: FONTS.song, bold: true })],
          }),
          new Paragraph({
            spacing: { line: 560, lineRule: 'exact' },
            children: [new TextRun({ text: `${f.root}所属各单位：`, size: BODY, font: FONTS.fang })],
          }),
          ...paragraphs(text.intro),
          heading('一、各单位政务公开工作情况'),
          body(
            `${f.period}，共收到政府信息公开申请${f.total.received}件，办结${f.total.answered}件，按时答复率${pct(f.total.onTime, f.total.answered)}；截至${f.asOf}，超期未办${f.total.overdueNow}件。各单位情况及综合得分排名如下：`,
          ),
          figuresTable(f),
          ...(chart ? [pngFigure(chart.png, TEXT_WIDTH), caption(`图：${chart.title}`)] : []),
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
            children: [new TextRun({ text: input.issuer, size: BODY, font: FONTS.fang })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 1280 },
            children: [new TextRun({ text: input.dateText, size: BODY, font: FONTS.fang })],
          }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
