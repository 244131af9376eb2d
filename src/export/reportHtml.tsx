import { render } from 'preact-render-to-string'
import { formatDef } from '../domain/report/formats/index.js'
import { SECTION_TITLES } from '../domain/report/formats/table3.js'
import type { AnnualReport } from '../domain/report/model.js'
import type { Grid } from './reportGrid.js'
import { reportGrids, reportTitle } from './reportGrid.js'

/** A report table laid out as the national form (merged header cells as rowspan/colspan). */
export function GridTable(props: { grid: Grid }) {
  const { grid } = props
  return (
    <table class={`report-table report-${grid.id}`} data-table={grid.id}>
      {grid.title ? <caption>{grid.title}</caption> : null}
      <tbody>
        {grid.rows.map((cells) => (
          <tr>
            {cells.map((c) => {
              const attrs = {
                rowSpan: c.rowSpan,
                colSpan: c.colSpan,
                class:
                  [c.value !== undefined ? 'num' : '', c.align === 'center' ? 'c' : '', c.indent ? `i${c.indent}` : '']
                    .filter(Boolean)
                    .join(' ') || undefined,
              }
              return c.header ? (
                <th scope="col" {...attrs}>
                  {c.text}
                </th>
              ) : (
                <td {...attrs}>{c.text}</td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Paragraphs of a narrative text (one per line). */
export function Paragraphs(props: { text: string | undefined }) {
  const lines = (props.text ?? '').split(/\n+/).filter((l) => l.trim())
  return <>{lines.length ? lines.map((l) => <p>{l}</p>) : <p class="empty">（未填写）</p>}</>
}

/** Print CSS: A4, tables with ruled cells that do not split a row across pages. */
export const REPORT_PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 12pt; line-height: 1.6; color: #000; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1.2em 0 .5em; font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
p { text-indent: 2em; margin: .3em 0; }
table.report-table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9pt; line-height: 1.3; page-break-inside: auto; }
table.report-table caption { font-weight: bold; padding: .3em; }
table.report-table th, table.report-table td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
table.report-table tr { page-break-inside: avoid; }
table.report-table .c, table.report-table .num { text-align: center; }
table.report-table .i1 { padding-left: 1.2em; } table.report-table .i2 { padding-left: 2.4em; }
@media print { h2 { page-break-after: avoid; } }
`

/** The report as one printable HTML document (A4): the narrative sections and the tables in order. */
export function ReportDocument(props: { model: AnnualReport }) {
  const { model } = props
  const grids = reportGrids(model)
  const n = model.narrative ?? {}
  const title = reportTitle(model)
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style>{REPORT_PRINT_CSS}</style>
      </head>
      <body>
        <h1>{title}</h1>
        <h2>{SECTION_TITLES.overview}</h2>
        <Paragraphs text={n.overview} />
        {formatDef(model.format).exportLayout === 'titledTable' ? (
          grids.map((g) => <GridTable grid={g} />)
        ) : (
          <>
            {grids.map((g) => (
              <section>
                <h2>{g.title}</h2>
                <GridTable grid={{ ...g, title: '' }} />
              </section>
            ))}
          </>
        )}
        <h2>{SECTION_TITLES.problems}</h2>
        <Paragraphs text={n.problems} />
        <h2>{SECTION_TITLES.other}</h2>
        <Paragraphs text={n.other} />
      </body>
    </html>
  )
}

export function reportHtml(model: AnnualReport): string {
  return `<!doctype html>${render(<ReportDocument model={model} />)}`
}
