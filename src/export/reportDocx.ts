import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TextRun } from 'docx'
import { formatDef } from '../domain/report/formats/index.js'
import { SECTION_TITLES } from '../domain/report/formats/table3.js'
import type { AnnualReport } from '../domain/report/model.js'
import { FONTS, a4Page, a4TextWidth, fixedTable, lines } from './docxLayout.js'
import type { Grid } from './reportGrid.js'
import { reportGrids, reportTitle } from './reportGrid.js'

// A4 portrait, 15 mm side margins: 180 mm of text width
const MARGIN = { top: 1134, bottom: 1134, left: 850, right: 850 }
const TEXT_WIDTH = a4TextWidth(MARGIN.left, MARGIN.right)
const FONT = FONTS.song

function gridTable(grid: Grid): Table {
  return fixedTable({
    width: TEXT_WIDTH,
    relativeWidths: grid.widths,
    size: grid.columns > 10 ? 14 : 17, // half-points: 7 pt for the 15-column 表四, 8.5 pt otherwise
    font: FONT,
    margin: 40,
    rows: grid.rows.map((cells) =>
      cells.map((c) => ({
        text: c.text,
        bold: c.header === true,
        left: !(c.align === 'center' || c.value !== undefined),
        indent: c.indent,
        rowSpan: c.rowSpan,
        colSpan: c.colSpan,
      })),
    ),
  })
}

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 28, font: FONTS.hei })],
  })

const paragraphs = (text: string | undefined) => {
  const ls = lines(text)
  return (ls.length ? ls : ['（未填写）']).map(
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
        properties: a4Page(MARGIN),
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
