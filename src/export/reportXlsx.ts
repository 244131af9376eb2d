import ExcelJS from 'exceljs'
import type { AnnualReport } from '../domain/report/model.js'
import type { Grid } from './reportGrid.js'
import { placeCells, reportGrids, reportTitle } from './reportGrid.js'

const SHEET_NAMES: Record<Grid['id'], string> = {
  proactive: '二、主动公开',
  applications: '三、依申请公开',
  reviews: '四、复议诉讼',
  legacy: '统计表',
}

const thin = { style: 'thin' as const }

const LINE_HEIGHT = 15
/** A text's width in Excel column units: a CJK character is about two. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 1

/** The report as an XLSX workbook: one sheet per table, the form's merged cells, numbers as numbers. */
export async function reportXlsx(model: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'gongkai'
  wb.title = reportTitle(model)
  for (const grid of reportGrids(model)) {
    const ws = wb.addWorksheet(SHEET_NAMES[grid.id], {
      pageSetup: {
        paperSize: 9,
        orientation: grid.columns >= 10 ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    })
    ws.getCell(1, 1).value = `${reportTitle(model)} ${grid.title}`
    ws.getCell(1, 1).font = { bold: true, size: 12 }
    ws.mergeCells(1, 1, 1, grid.columns)
    const unit = grid.columns >= 10 ? 7 : 9
    const widths = grid.widths.map((w) => Math.max(6, Math.round(w * unit)))
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
    const top = 2
    for (const { cell, row, col } of placeCells(grid)) {
      const r = top + row
      const c = 1 + col
      const target = ws.getCell(r, c)
      target.value = cell.value !== undefined ? cell.value : cell.text
      target.alignment = {
        vertical: 'middle',
        horizontal: cell.align === 'center' || cell.value !== undefined ? 'center' : 'left',
        wrapText: true,
        indent: cell.indent ?? 0,
      }
      if (cell.header) target.font = { bold: true }
      const rs = cell.rowSpan ?? 1
      const cs = cell.colSpan ?? 1
      if (rs > 1 || cs > 1) ws.mergeCells(r, c, r + rs - 1, c + cs - 1)
      // readers do not grow a row for wrapped text by themselves: give it the lines the label needs
      const lines = Math.ceil(textWidth(cell.text) / widths.slice(col, col + cs).reduce((a, b) => a + b, 0))
      const height = (LINE_HEIGHT * lines) / rs
      if (height > LINE_HEIGHT && (ws.getRow(r).height ?? LINE_HEIGHT) < height) ws.getRow(r).height = height
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++)
          ws.getCell(r + dr, c + dc).border = { top: thin, left: thin, bottom: thin, right: thin }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
