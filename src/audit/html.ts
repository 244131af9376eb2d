// An HTML page (as saved from a government site) to the token stream of tokens.ts. Tables are laid
// out on a grid (rowspan/colspan) so that the cells of table 三 are taken by their column header,
// wherever the 总计 column sits; a blank cell in a data row is the format's 0.
import { parse, type HTMLElement, type Node } from 'node-html-parser'
import { normLabel } from './normalize.js'
import { tokenizeCells, tokenizeText, type Token } from './tokens.js'

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'button'])
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'dd',
  'dt',
  'dl',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'hr',
  'form',
  'nav',
  'main',
  'aside',
  'caption',
  'table',
])

interface GridCell {
  text: string
  row: number
  col: number
}

/** The applicant columns of table 三 by their header text, in model order. */
const APPLICANT_HEADERS: readonly ((s: string) => boolean)[] = [
  (s) => s.includes('自然人'),
  (s) => s.includes('商业企业'),
  (s) => s.includes('科研机构'),
  (s) => s.includes('社会公益'),
  (s) => s.includes('法律服务'),
  (s) => s === '其他' || s === '其他组织',
  (s) => s === '总计' || s === '合计',
]

function cellText(el: HTMLElement): string {
  return el.text.replace(/\s+/g, ' ').trim()
}

const MAX_ROWSPAN = 60
const MAX_COLSPAN = 40
const MAX_GRID_ROWS = 2000
const MAX_GRID_COLS = 200

/** The rows of this table, not of a table nested in one of its cells (a selector query costs more than the whole parse). */
function ownRows(table: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = []
  const walk = (el: HTMLElement) => {
    for (const child of el.childNodes) {
      if (child.nodeType !== 1) continue
      const c = child as HTMLElement
      const tag = c.rawTagName?.toLowerCase()
      if (tag === 'tr') out.push(c)
      else if (tag !== 'table') walk(c)
    }
  }
  walk(table)
  return out
}

function buildGrid(table: HTMLElement): GridCell[][] {
  const rows = ownRows(table).slice(0, MAX_GRID_ROWS)
  const grid: GridCell[][] = []
  rows.forEach((tr, r) => {
    grid[r] ??= []
    let c = 0
    for (const td of tr.childNodes as HTMLElement[]) {
      const tag = td.rawTagName?.toLowerCase()
      if (tag !== 'td' && tag !== 'th') continue
      while (c < MAX_GRID_COLS && grid[r]![c]) c++ // the row exists: created above
      if (c >= MAX_GRID_COLS) break
      // real report tables span at most ~25 rows and ~15 columns; a hostile page must not blow the grid up
      const rs = Math.max(1, Math.min(MAX_ROWSPAN, Number(td.getAttribute('rowspan')) || 1))
      const cs = Math.max(1, Math.min(MAX_COLSPAN, Number(td.getAttribute('colspan')) || 1))
      const cell: GridCell = { text: cellText(td), row: r, col: c }
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) (grid[r + i] ??= [])[c + j] = cell
      c += cs
    }
  })
  return grid
}

const isNumeric = (s: string) => /^[\d０-９,，]+$/.test(s.replace(/\s/g, ''))

/** Column index of each applicant column (model order) from the header rows above `firstData`. */
function applicantColumns(grid: GridCell[][], firstData: number): (number | undefined)[] {
  const width = Math.max(...grid.map((r) => r.length))
  return APPLICANT_HEADERS.map((matches) => {
    for (let c = 0; c < width; c++) {
      for (let r = 0; r < firstData; r++) {
        const cell = grid[r]?.[c]
        if (cell && matches(normLabel(cell.text))) return c
      }
    }
    return undefined
  })
}

function tableTokens(table: HTMLElement, line: number): Token[] {
  const grid = buildGrid(table)
  const out: Token[] = []
  const firstData = grid.findIndex((row) => row.some((c) => c && normLabel(c.text).includes('本年新收')))
  const columns = firstData > 0 ? applicantColumns(grid, firstData) : []
  const mapped = columns.filter((c) => c !== undefined).length >= 6 && columns[0] !== undefined
  grid.forEach((row, r) => {
    const own = row.filter((c, i) => c && c.row === r && c.col === i)
    if (mapped && r >= firstData) {
      const valueCols = new Set(columns.filter((c): c is number => c !== undefined))
      const labels = own.filter((c) => !valueCols.has(c.col)).map((c) => c.text)
      out.push(...tokenizeCells(labels, line + r, false))
      // a column the row has no cell in (fewer <td> than the header) is no value at all, not the blank that means 0
      const values = columns.map((c) => {
        if (c === undefined) return undefined
        const cell = row[c]
        return cell === undefined ? undefined : cell.row === r ? cell.text : ''
      })
      const blank = values.every((v) => v === undefined || v.trim() === '')
      // a labelled row with every cell blank is a row of zeros (the format's blank)
      if (values.some((v) => v !== undefined && isNumeric(v)) || (blank && labels.join('').trim() !== '')) {
        // a column the page does not have (e.g. no 总计) is left out: the table reader sees its header lacks it
        for (const v of values) if (v !== undefined) out.push(...tokenizeCells([v], line + r, true))
      }
      return
    }
    const firstNum = own.findIndex((c) => isNumeric(c.text))
    own.forEach((c, i) => out.push(...tokenizeCells([c.text], line + r, firstNum >= 0 && i > firstNum)))
  })
  return out
}

/**
 * Tables that hold another table: page layout (navigation beside the article, the article body in a cell), read
 * as blocks of text so that the tables inside are read as tables. One pass with an explicit stack: linear in the
 * page, whatever its nesting depth.
 */
function layoutTables(root: HTMLElement): Set<HTMLElement> {
  const layout = new Set<HTMLElement>()
  const stack: [Node, HTMLElement | undefined][] = [[root, undefined]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, table] = top
    if (node.nodeType !== 1) continue
    const el = node as HTMLElement
    let inside = table
    if (el.rawTagName?.toLowerCase() === 'table') {
      if (table) layout.add(table)
      inside = el
    }
    for (const child of el.childNodes) stack.push([child, inside])
  }
  return layout
}

/** Tokens of an HTML page: the text outside tables line by line, and each table row by row. */
export function tokenizeHtml(html: string): Token[] {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } })
  const layout = layoutTables(root)
  const out: Token[] = []
  let buffer = ''
  let line = 0
  const flush = () => {
    if (buffer.trim() !== '') {
      for (const t of tokenizeText(buffer)) out.push({ ...t, line: line + t.line })
      line += buffer.split('\n').length
    }
    buffer = ''
  }
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += node.text
      return
    }
    if (node.nodeType !== 1) return
    const el = node as HTMLElement
    const tag = el.rawTagName?.toLowerCase() ?? ''
    if (SKIP.has(tag)) return
    if (tag === 'table' && !layout.has(el)) {
      flush()
      const tokens = tableTokens(el, line)
      out.push(...tokens)
      line += 1000
      return
    }
    const block = BLOCK.has(tag)
    if (block) buffer += '\n'
    for (const child of el.childNodes) visit(child)
    if (block) buffer += '\n'
  }
  visit(root)
  flush()
  return out
}

/** Whether a document is an HTML page rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<(?:!doctype\s+html|html|body|table|tr|td|p|div)[\s>]/i.test(s.slice(0, 20000))
}
