import {
  AlignmentType,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionPropertiesOptions,
} from 'docx'

// What the Word exports share (the annual report, the 通报): A4 pages, the CJK font sets, fixed-width tables of
// centred text cells, paragraphs split from edited text, and a PNG figure scaled to the text width.

const A4 = { width: 11906, height: 16838 } // twips

/** Page setup of an A4 portrait section; margins in twips. */
export function a4Page(margin: {
  top: number
  bottom: number
  left: number
  right: number
}): ISectionPropertiesOptions {
  return { page: { size: A4, margin } }
}

/** Text width in twips of an A4 page with these side margins. */
export const a4TextWidth = (left: number, right: number) => A4.width - left - right

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
/** Font sets: Latin text in Times New Roman, Chinese in the named face. */
export const FONTS = {
  song: { ...latin, eastAsia: 'SimSun' },
  fang: { ...latin, eastAsia: 'FangSong' },
  hei: { ...latin, eastAsia: 'SimHei' },
} as const
export type FontSet = (typeof FONTS)[keyof typeof FONTS]

export interface CellSpec {
  text: string
  bold?: boolean
  /** left-aligned (with an optional indent in steps of 180 twips) instead of centred */
  left?: boolean
  indent?: number
  rowSpan?: number
  colSpan?: number
}

/** A table of the given width whose columns have the given relative widths; every cell is one paragraph. */
export function fixedTable(props: {
  width: number
  relativeWidths: readonly number[]
  rows: readonly (readonly CellSpec[])[]
  /** half-points */
  size: number
  font: FontSet
  /** cell side margin, twips */
  margin: number
  /** the first row repeats on each page */
  headerRow?: boolean
}): Table {
  const unit = props.width / props.relativeWidths.reduce((a, b) => a + b, 0)
  return new Table({
    width: { size: props.width, type: WidthType.DXA },
    columnWidths: props.relativeWidths.map((w) => Math.round(w * unit)),
    rows: props.rows.map(
      (cells, i) =>
        new TableRow({
          cantSplit: true,
          ...(props.headerRow && i === 0 ? { tableHeader: true } : {}),
          children: cells.map(
            (c) =>
              new TableCell({
                ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
                ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: props.margin, right: props.margin },
                children: [
                  new Paragraph({
                    alignment: c.left ? AlignmentType.LEFT : AlignmentType.CENTER,
                    indent: c.indent ? { left: c.indent * 180 } : undefined,
                    children: [
                      new TextRun({ text: c.text, bold: c.bold === true, size: props.size, font: props.font }),
                    ],
                  }),
                ],
              }),
          ),
        }),
    ),
  })
}

/** The non-empty lines of a text someone edited, each its own paragraph. */
export function lines(text: string | undefined): string[] {
  return (text ?? '').split(/\n+/).filter((l) => l.trim())
}

/** A centred PNG figure `widthTwips` wide, its height from the image's own aspect ratio. */
export function pngFigure(png: { data: Buffer; width: number; height: number }, widthTwips: number): Paragraph {
  const width = Math.round(widthTwips / 15) // docx sizes images in pixels at 96 dpi: 15 twips each
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: png.data,
        transformation: { width, height: Math.round((width * png.height) / png.width) },
        altText: { name: 'chart', title: '图表', description: '图表' },
      }),
    ],
  })
}
