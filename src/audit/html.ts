// An HTML page (as saved from a government site) to the token stream of tokens.ts. Tables are laid
// out on a grid (rowspan/colspan) so that the cells of table 三 are taken by their column header,
// wherever the 总计 column sits; a blank cell in a data row is the format's 0. The page is hostile input
// on a public form: its tree is built in one linear pass with node and depth budgets (htmlTree.ts), and
// every walk over it is a loop, never a recursion (issue 15 finding 1, decision 0029).
import { htmlTree, textOf, type HtmlElement, type HtmlNode } from './htmlTree.js'
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

function cellText(el: HtmlElement): string {
  return textOf(el, SKIP).replace(/\s+/g, ' ').trim()
}

const MAX_ROWSPAN = 60
const MAX_COLSPAN = 40
const MAX_GRID_ROWS = 2000
const MAX_GRID_COLS = 200

/** The rows of this table, not of a table nested in one of its cells. */
function ownRows(table: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = []
  const stack = [...table.children].reverse()
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (typeof n === 'string' || n.tag === 'table') continue
    if (n.tag === 'tr') out.push(n)
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HtmlNode)
  }
  return out
}

function buildGrid(table: HtmlElement): GridCell[][] {
  const rows = ownRows(table).slice(0, MAX_GRID_ROWS)
  const grid: GridCell[][] = []
  rows.forEach((tr, r) => {
    grid[r] ??= []
    let c = 0
    for (const td of tr.children) {
      if (typeof td === 'string' || (td.tag !== 'td' && td.tag !== 'th')) continue
      while (c < MAX_GRID_COLS && grid[r]![c]) c++ // the row exists: created above
      if (c >= MAX_GRID_COLS) break
      // real report tables span at most ~25 rows and ~15 columns; a hostile page must not blow the grid up
      const rs = Math.max(1, Math.min(MAX_ROWSPAN, Number(td.attrs?.get('rowspan')) || 1))
      const cs = Math.max(1, Math.min(MAX_COLSPAN, Number(td.attrs?.get('colspan')) || 1))
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

function tableTokens(table: HtmlElement, line: number): Token[] {
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
function layoutTables(root: HtmlElement): Set<HtmlElement> {
  const layout = new Set<HtmlElement>()
  const stack: [HtmlElement, HtmlElement | undefined][] = [[root, undefined]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [el, table] = top
    let inside = table
    if (el.tag === 'table') {
      if (table) layout.add(table)
      inside = el
    }
    for (const child of el.children) if (typeof child !== 'string') stack.push([child, inside])
  }
  return layout
}

/** Tokens of an HTML page: the text outside tables line by line, and each table row by row. */
export function tokenizeHtml(html: string): Token[] {
  const root = htmlTree(html)
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
  // document order with an explicit stack; END marks where a block element closes (its line ends)
  const END = Symbol('end')
  const stack: (HtmlNode | typeof END)[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === END) {
      buffer += '\n'
      continue
    }
    if (typeof node === 'string') {
      buffer += node
      continue
    }
    if (SKIP.has(node.tag)) continue
    if (node.tag === 'table' && !layout.has(node)) {
      flush()
      out.push(...tableTokens(node, line))
      line += 1000
      continue
    }
    const block = BLOCK.has(node.tag)
    if (block) {
      buffer += '\n'
      stack.push(END)
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode)
  }
  flush()
  return out
}

/** Whether a document is an HTML page rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<(?:!doctype\s+html|html|body|table|tr|td|p|div)[\s>]/i.test(s.slice(0, 20000))
}
