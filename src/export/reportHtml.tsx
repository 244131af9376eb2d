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

/** Where the printable report's stylesheet is served (a file: the site's CSP forbids inline styles). */
export const REPORT_CSS_PATH = '/assets/report.css'

/** Print CSS: A4, tables with ruled cells that do not split a row across pages, the Chinese fonts. */
export const REPORT_PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12pt; line-height: 1.6; color: #000; max-width: 190mm; margin: 0 auto; padding: 0 8px; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1.2em 0 .5em; font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
p { text-indent: 2em; margin: .3em 0; }
.table-scroll { max-width: 100%; overflow-x: auto; }
table.report-table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9pt; line-height: 1.3; page-break-inside: auto; }
table.report-table caption { font-weight: bold; padding: .3em; }
table.report-table th, table.report-table td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
table.report-table th { font-weight: bold; }
table.report-table tr { page-break-inside: avoid; }
table.report-table .c, table.report-table .num { text-align: center; }
table.report-table .i1 { padding-left: 1.2em; } table.report-table .i2 { padding-left: 2.4em; }
@media print { h2 { page-break-after: avoid; } .table-scroll { overflow: visible; } }
`

/** A table in a box that scrolls sideways on a narrow screen (the page itself does not). */
export function ScrollTable(props: { grid: Grid }) {
  return (
    <div class="table-scroll" tabIndex={0}>
      <GridTable grid={props.grid} />
    </div>
  )
}

/** The report's content: narrative sections one, five and six around the national tables, in the form's order. */
export function ReportBody(props: { model: AnnualReport; headingLevel?: 'h2' | 'h3' }) {
  const { model } = props
  const H = props.headingLevel ?? 'h2'
  const grids = reportGrids(model)
  const n = model.narrative ?? {}
  return (
    <>
      <H>{SECTION_TITLES.overview}</H>
      <Paragraphs text={n.overview} />
      {formatDef(model.format).exportLayout === 'titledTable'
        ? grids.map((g) => <ScrollTable grid={g} />)
        : grids.map((g) => (
            <section>
              <H>{g.title}</H>
              <ScrollTable grid={{ ...g, title: '' }} />
            </section>
          ))}
      <H>{SECTION_TITLES.problems}</H>
      <Paragraphs text={n.problems} />
      <H>{SECTION_TITLES.other}</H>
      <Paragraphs text={n.other} />
    </>
  )
}

/** The report's content as an HTML fragment (the body of its page in the 政府信息公开年报 column). */
export function reportBodyHtml(model: AnnualReport): string {
  return render(<ReportBody model={model} />)
}

/** The report as one printable HTML document (A4), styled by the stylesheet at REPORT_CSS_PATH. */
export function ReportDocument(props: { model: AnnualReport }) {
  const { model } = props
  const title = reportTitle(model)
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={REPORT_CSS_PATH} />
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <ReportBody model={model} />
        </main>
      </body>
    </html>
  )
}

export function reportHtml(model: AnnualReport): string {
  return `<!doctype html>${render(<ReportDocument model={model} />)}`
}

/** What the portal page of a published report shows above the report itself. */
export interface ReportPageExtras {
  /** the version on the page and the day it was published */
  version: number
  publishedOn: string
  /** every correction so far (versions after the first), oldest first */
  corrections: { version: number; publishedOn: string; note: string }[]
  downloads: { href: string; name: string; label: string }[]
}

/**
 * The body of a published report's page in the 政府信息公开年报 column: which version it is and why it was
 * corrected, the files to download, then the report (narrative and the national tables).
 */
export function reportPageBodyHtml(model: AnnualReport, extras: ReportPageExtras): string {
  const head = render(
    <>
      {extras.version > 1 ? (
        <p>
          <strong>
            本报告为更正后的第{extras.version}版（{extras.publishedOn}更正发布），替代此前发布的版本。
          </strong>
        </p>
      ) : null}
      {extras.corrections.length ? (
        <>
          <h2>更正说明</h2>
          <ul>
            {extras.corrections.map((v) => (
              <li>
                第{v.version}版（{v.publishedOn}）：{v.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>报告文件下载</h2>
      <ul>
        {extras.downloads.map((f) => (
          <li>
            <a href={f.href}>{f.name}</a>（{f.label}）
          </li>
        ))}
      </ul>
    </>,
  )
  return head + reportBodyHtml(model)
}
