import { LEGACY_COLUMNS, LEGACY_ITEMS, LEGACY_TITLE } from '../domain/report/formats/legacy.js'
import { applicationRow } from '../domain/report/check.js'
import { formatDef } from '../domain/report/formats/index.js'
import type { TableFormat } from '../domain/report/formats/types.js'
import {
  TABLE3_COLUMN_GROUP,
  TABLE3_COLUMNS,
  TABLE3_CORNER,
  TABLE3_ORG_GROUP,
  TABLE4_KINDS,
  TABLE4_RESULTS,
  SECTION_TITLES,
} from '../domain/report/formats/table3.js'
import type { AnnualReport, Cell } from '../domain/report/model.js'

/**
 * The layout of each report table as the national forms print it (merged header cells included), once:
 * the HTML, DOCX and XLSX exporters all render these grids. Cells follow HTML table semantics: a cell
 * covered by another's rowSpan/colSpan is not listed.
 */
export interface GridCell {
  text: string
  /** a number cell (XLSX writes it as a number) */
  value?: Cell
  rowSpan?: number
  colSpan?: number
  header?: boolean
  align?: 'left' | 'center'
  /** indentation level of a row label */
  indent?: number
}

export interface Grid {
  id: 'proactive' | 'applications' | 'reviews' | 'legacy'
  title: string
  columns: number
  /** relative widths of the columns */
  widths: number[]
  rows: GridCell[][]
}

const h = (text: string, span: Partial<GridCell> = {}): GridCell => ({ text, header: true, align: 'center', ...span })
const num = (value: Cell | undefined): GridCell => ({
  text: value === null || value === undefined ? '' : String(value),
  value: value ?? null,
  align: 'center',
})

function proactiveGrid(model: AnnualReport, table: TableFormat): Grid {
  const rows: GridCell[][] = []
  for (const block of table.proactive) {
    rows.push([h(block.header, { colSpan: 4 })])
    const last = block.columns.length - 1
    rows.push([
      h('信息内容'),
      ...block.columns.map((c, i) => h(c.label, i === last ? { colSpan: 4 - block.columns.length } : {})),
    ])
    for (const r of block.rows) {
      const cells = model.proactive?.[block.key]?.[r.key] ?? {}
      rows.push([
        { text: r.label, align: 'center' },
        ...block.columns.map((c, i) => ({
          ...num(cells[c.key]),
          ...(i === last ? { colSpan: 4 - block.columns.length } : {}),
        })),
      ])
    }
  }
  return { id: 'proactive', title: SECTION_TITLES.proactive, columns: 4, widths: [3, 2, 2, 2], rows }
}

function applicationsGrid(model: AnnualReport, table: TableFormat): Grid {
  const t = model.applications
  const defs = table.applicationRows
  const rows: GridCell[][] = [
    [h(TABLE3_CORNER, { rowSpan: 3, colSpan: 3 }), h(TABLE3_COLUMN_GROUP, { colSpan: 7 })],
    [
      h(TABLE3_COLUMNS[0].label, { rowSpan: 2 }),
      h(TABLE3_ORG_GROUP, { colSpan: 5 }),
      h(TABLE3_COLUMNS[6].label, { rowSpan: 2 }),
    ],
    TABLE3_COLUMNS.slice(1, 6).map((c) => h(c.label)),
  ]
  defs.forEach((d, i) => {
    const cells: GridCell[] = []
    const prev = defs[i - 1]
    if (!d.group) cells.push({ text: d.label, colSpan: 3 })
    else {
      if (prev?.group !== d.group)
        cells.push({ text: d.group, rowSpan: defs.filter((x) => x.group === d.group).length, align: 'center' })
      if (!d.subgroup) cells.push({ text: d.label, colSpan: 2 })
      else {
        if (prev?.subgroup !== d.subgroup)
          cells.push({
            text: d.subgroup,
            rowSpan: defs.filter((x) => x.subgroup === d.subgroup).length,
            align: 'center',
          })
        cells.push({ text: d.label })
      }
    }
    const values = (t && applicationRow(t, d.path)) ?? []
    for (let c = 0; c < 7; c++) cells.push(num(values[c]))
    rows.push(cells)
  })
  return {
    id: 'applications',
    title: SECTION_TITLES.applications,
    columns: 10,
    widths: [2.2, 2.2, 5, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4],
    rows,
  }
}

function reviewsGrid(model: AnnualReport): Grid {
  const r = model.reviewsAndLawsuits
  const [review, direct, after] = TABLE4_KINDS
  const results = (rowSpan?: number) => TABLE4_RESULTS.map((x) => h(x.label, rowSpan ? { rowSpan } : {}))
  const values = TABLE4_KINDS.flatMap((k) => TABLE4_RESULTS.map((x) => num(r?.[k.key][x.key])))
  return {
    id: 'reviews',
    title: SECTION_TITLES.reviews,
    columns: 15,
    widths: Array<number>(15).fill(1),
    rows: [
      [h(review.label, { colSpan: 5 }), h('行政诉讼', { colSpan: 10 })],
      [...results(2), h(direct.label, { colSpan: 5 }), h(after.label, { colSpan: 5 })],
      [...results(), ...results()],
      values,
    ],
  }
}

function legacyGrid(model: AnnualReport): Grid {
  const rows: GridCell[][] = [[h(LEGACY_COLUMNS[0], { colSpan: 2 }), h(LEGACY_COLUMNS[1]), h(LEGACY_COLUMNS[2])]]
  LEGACY_ITEMS.forEach((item, i) => {
    const cells: GridCell[] = []
    const prev = LEGACY_ITEMS[i - 1]
    if (item.side) {
      if (prev?.side !== item.side)
        cells.push({
          text: item.side,
          rowSpan: LEGACY_ITEMS.filter((x) => x.side === item.side).length,
          align: 'center',
        })
      cells.push({ text: item.label, indent: item.level })
    } else cells.push({ text: item.label, colSpan: 2, indent: item.level })
    cells.push({ text: item.unit ?? '', align: 'center' })
    cells.push(item.key ? num(model.legacy?.[item.key]) : { text: '' })
    rows.push(cells)
  })
  return { id: 'legacy', title: LEGACY_TITLE(model.year), columns: 4, widths: [1.4, 7, 1, 1.4], rows }
}

/** The tables of a report in the order they are printed. */
export function reportGrids(model: AnnualReport): Grid[] {
  const table = formatDef(model.format).table
  if (!table) return [legacyGrid(model)]
  return [proactiveGrid(model, table), applicationsGrid(model, table), reviewsGrid(model)]
}

/** Places each cell of a grid at its row and column (the HTML table algorithm), for exporters that need positions. */
export function placeCells(grid: Grid): { cell: GridCell; row: number; col: number }[] {
  const taken = new Set<string>()
  const out: { cell: GridCell; row: number; col: number }[] = []
  grid.rows.forEach((cells, r) => {
    let c = 0
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c++
      out.push({ cell, row: r, col: c })
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken.add(`${r + dr},${c + dc}`)
      c += cell.colSpan ?? 1
    }
  })
  return out
}

export function reportTitle(model: AnnualReport): string {
  return `${model.agency.name}${model.year}年政府信息公开工作年度报告`
}
