import { existsSync, readFileSync } from 'node:fs'
import { render } from 'preact-render-to-string'
import { h } from 'preact'
import { bodyText, sanitizeBody, textToBody } from '../../domain/catalog/body.js'
import { parseReport } from '../../audit/parseReport.js'
import type { Grid } from '../../export/reportGrid.js'
import { reportGrids } from '../../export/reportGrid.js'
import { GridTable } from '../../export/reportHtml.js'
import type { Store } from '../../store/database.js'
import { reindex } from '../catalog/publishDocument.js'

const SEEDS_DIR = new URL('../../../test/fixtures/seeds/', import.meta.url)

// The seed reports were saved from their agencies' pages as text: each table cell on a line of its own (`0 |`,
// a row of empty cells as `|||`; the 衢州 统计表 one cell a line without bars). Loaded as they are, the page shows
// hundreds of such paragraphs. The platform's own reader of published reports (src/audit) reads the tables back;
// the page shows them as the national forms print them, the text around them as paragraphs.

/** A line of a flattened table: a cell ending in a bar, or a row of bars. */
const isCellLine = (line: string) => /\|\s*$/.test(line)
/** The first line of the pre-2019 统计表, and the last item the form itself prints (its people follow). */
const LEGACY_START = /^政府信息公开工作情况报表/
const LEGACY_PEOPLE = /分管领导及工作人员情况/

interface Region {
  from: number
  to: number
  html: string
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const table = (grid: Grid) => render(h(GridTable, { grid }))

/** The runs of cell lines of a 2019/2021-format text, each to be replaced by the table read from it. */
function barRuns(lines: string[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = []
  lines.forEach((l, i) => {
    if (!isCellLine(l)) return
    const last = runs[runs.length - 1]
    if (last && last.to === i - 1) last.to = i
    else runs.push({ from: i, to: i })
  })
  return runs
}

/** The people the 统计表 lists after its last item: three columns (姓名, 职务, 办公电话). */
function peopleTable(cells: string[]): string {
  if (cells.length < 6 || cells.length % 3 !== 0) return textToBody(cells.join('\n'))
  const rows = Array.from({ length: cells.length / 3 }, (_, i) => cells.slice(i * 3, i * 3 + 3))
  const [head = [], ...body] = rows
  const row = (cells: string[], tag: string) =>
    `<tr>${cells.map((c) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${esc(c)}</${tag}>`).join('')}</tr>`
  return `<table><thead>${row(head, 'th')}</thead><tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`
}

/**
 * A seed report's text as a body with its tables as tables, or null when the tables read from it do not match
 * the flattened runs in the text (the text is then kept as paragraphs).
 */
function seedReportBody(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim())
  const report = parseReport(text)
  const grids = reportGrids(report)
  const regions: Region[] = []
  if (report.format === 'legacy') {
    const from = lines.findIndex((l) => LEGACY_START.test(l))
    const people = lines.findIndex((l) => LEGACY_PEOPLE.test(l))
    const [grid] = grids
    if (from < 0 || !grid) return null
    const rest = people > from ? lines.slice(people + 1).filter(Boolean) : []
    regions.push({ from, to: lines.length - 1, html: table(grid) + (rest.length ? peopleTable(rest) : '') })
  } else {
    const runs = barRuns(lines)
    if (runs.length !== grids.length) return null
    runs.forEach((r, i) => {
      const grid = grids[i]
      if (grid) regions.push({ ...r, html: table({ ...grid, title: '' }) })
    })
  }
  let html = ''
  let at = 0
  for (const r of regions) {
    html += textToBody(lines.slice(at, r.from).join('\n')) + r.html
    at = r.to + 1
  }
  html += textToBody(lines.slice(at).join('\n'))
  return sanitizeBody(html)
}

/** Gives the seed report loaded into an agency's catalog its tables (see above); no change if they cannot be read. */
export async function tabulateSeedReport(
  store: Store,
  agencyId: number,
  report: { file: string; title: string; skipLines: number },
): Promise<void> {
  const path = new URL(report.file, SEEDS_DIR)
  if (!existsSync(path)) return
  const html = seedReportBody(readFileSync(path, 'utf8').split('\n').slice(report.skipLines).join('\n'))
  if (!html) return
  await store.db.transaction().execute(async (trx) => {
    const docs = await trx
      .selectFrom('documents')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('title', '=', report.title)
      .execute()
    for (const d of docs) {
      await trx
        .updateTable('documents')
        .set({ body_html: html, body_text: bodyText(html) })
        .where('id', '=', d.id)
        .execute()
      await reindex(trx, store, Number(d.id))
    }
  })
}
