import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import { formatDef } from '../domain/report/formats/index.js'
import { SECTION_TITLES } from '../domain/report/formats/table3.js'
import type { AnnualReport } from '../domain/report/model.js'
import type { Grid } from './reportGrid.js'
import { reportGrids, reportTitle } from './reportGrid.js'

// A4 portrait, 15 mm side margins: 180 mm of text width = 10205 twips
const TEXT_WIDTH = 10205
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' }

function gridTable(grid: Grid): Table {
  const unit = TEXT_WIDTH / grid.widths.reduce((a, b) => a + b, 0)
  const columnWidths = grid.widths.map((w) => Math.round(w * unit))
  const size = grid.columns > 10 ? 14 : 17 // half-points: 7 pt for the 15-column 表四, 8.5 pt otherwise
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: grid.rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (c) =>
              new TableCell({
                ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
                ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: 40, right: 40 },
                children: [
                  new Paragraph({
                    alignment:
                      c.align === 'center' || c.value !== undefined ? AlignmentType.CENTER : AlignmentType.LEFT,
                    indent: c.indent ? { left: c.indent * 180 } : undefined,
                    children: [new TextRun({ text: c.text, bold: c.header === true, size, font: FONT })],
                  }),
                ],
              }),
          ),
        }),
    ),
  })
}

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 28, font: { ...FONT, eastAsia: 'SimHei' } })],
  })

const paragraphs = (text: string | undefined) => {
  const lines = (text ?? '').split(/\n+/).filter((l) => l.trim())
  return (lines.length ? lines : ['（未填写）']).map(
    (l) =>
      new Paragraph({
        indent: { firstLine: 480 },
        spacing: { line: 360 },
        children: [new TextRun({ text: l, size: 24, font: FONT })],
      }),
  )
}

/** The report as a DOCX document (Word/WPS/LibreOffice): the same sections and table layout as the HTML. */
export async function reportDocx(model: AnnualReport): Promise<Buffer> {
  const n = model.narrative ?? {}
  const grids = reportGrids(model)
  const titled = formatDef(model.format).exportLayout === 'titledTable'
  const tables = grids.flatMap((g) =>
    titled
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 120 },
            children: [new TextRun({ text: g.title, bold: true, size: 28, font: FONT })],
          }),
          gridTable(g),
        ]
      : [heading(g.title), gridTable(g)],
  )
  const doc = new Document({
    creator: 'gongkai',
    title: reportTitle(model),
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 850, right: 850 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: reportTitle(model), bold: true, size: 36, font: FONT })],
          }),
          heading(SECTION_TITLES.overview),
          ...paragraphs(n.overview),
          ...tables,
          heading(SECTION_TITLES.problems),
          ...paragraphs(n.problems),
          heading(SECTION_TITLES.other),
          ...paragraphs(n.other),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
