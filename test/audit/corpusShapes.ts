// Page shapes built at test time from the real reports of ../shared/reports (never copied here): the report
// split into its parts (text before table 三, the rows of 三 and the one row of 四, text after), and each
// shape rendered from those parts: the body on one line with cells run together, a hybrid template, labels
// detached from their numbers (PDF reading order), a broken Markdown conversion, and the HTML a site serves.
// Mutations (a digit changed, a row dropped, a column moved) are made on the parts, before rendering.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { reportsDir, type Transcription } from './support.js'

interface Row {
  /** the row's label as the page prints it (group labels before it included) */
  label: string
  values: number[]
}

export interface PageParts {
  file: string
  /** the archive's header lines (标题：…, 发布时间：…, 栏目：…, 原始链接：…) */
  header: string[]
  /** body lines before table 三 (narrative and table 二) */
  before: string[]
  /** table 三's heading and column header lines */
  head3: string[]
  rows: Row[]
  /** table 四's heading and header lines, then its 15 values */
  head4: string[]
  values4: number[]
  /** body lines from 五、 on */
  after: string[]
}

const isNumber = (l: string) => /^\d+$/.test(l)

/** A report of the corpus printed one cell per line, split into its parts. */
export function pageParts(file: string): PageParts {
  const lines = readFileSync(path.join(reportsDir, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const body = lines.findIndex((l) => l.startsWith('正文'))
  const t3 = lines.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'))
  const t4 = lines.findIndex((l, i) => i > t3 && /^四、.*行政复议/.test(l))
  const t5 = lines.findIndex((l, i) => i > t4 && /^五、/.test(l))
  const firstRow = lines.findIndex((l, i) => i > t3 && l.includes('本年新收'))
  const rows: Row[] = []
  let label: string[] = []
  for (const l of lines.slice(firstRow, t4)) {
    if (isNumber(l)) {
      if (label.length) rows.push({ label: label.join(''), values: [] })
      label = []
      rows.at(-1)!.values.push(Number(l)) // a number line follows a label: the table starts with one
    } else label.push(l)
  }
  const firstValue4 = lines.findIndex((l, i) => i > t4 && isNumber(l))
  return {
    file,
    header: lines.slice(0, body).filter((l) => /^(?:标题|发布时间|栏目|原始链接)[:：]/.test(l)),
    before: lines.slice(body + 1, t3),
    head3: lines.slice(t3, firstRow),
    rows,
    head4: lines.slice(t4, firstValue4),
    values4: lines.slice(firstValue4, t5).map(Number),
    after: lines.slice(t5),
  }
}

/**
 * The page with every cell of tables 三 and 四 as the hand transcription has it: the Putian archive's extractor
 * collapsed equal neighbouring cells (INDEX.tsv), and a shape is built from the table the site published.
 */
export function withTranscribedCells(p: PageParts, t: Transcription): PageParts {
  const rows = [...t.rows.values()]
  if (rows.length !== p.rows.length || !t.reviews)
    throw new Error(`${p.file}: ${p.rows.length} rows, transcription ${rows.length}`)
  return { ...p, rows: p.rows.map((r, i) => ({ ...r, values: rows[i]! })), values4: t.reviews }
}

/** The page as its archive keeps it: one cell per line. */
export function cellPerLine(p: PageParts): string {
  return [
    ...p.header,
    '正文：',
    ...p.before,
    ...p.head3,
    ...p.rows.flatMap((r) => [r.label, ...r.values.map(String)]),
    ...p.head4,
    ...p.values4.map(String),
    ...p.after,
  ].join('\n')
}

/** The archive of a CMS-built site: a few lines of its own, then the whole body on one line, no separators. */
export function oneLine(p: PageParts): string {
  const head = p.header.map((l) => l.replace(/^原始链接/, '原文链接'))
  const body = cellPerLine({ ...p, header: [] }).replace(/^正文：\n/, '')
  return [...head, '===== 正文 =====', body.replace(/\n/g, '')].join('\n')
}

/** A 2021-format report whose table 三 has the 2019 format's single （六）其他处理 row (the three sub-rows summed). */
export function hybrid(p: PageParts): PageParts {
  const first = p.rows.findIndex((r) => /逾期不补正/.test(r.label))
  if (first < 0 || !/^3\.?其他$/.test(p.rows[first + 2]!.label)) throw new Error(`${p.file}: no （六） sub-rows`)
  const three = p.rows.slice(first, first + 3)
  const sum = three[0]!.values.map((_, c) => three.reduce((a, r) => a + r.values[c]!, 0))
  const rows = [...p.rows.slice(0, first), { label: '(六)其他处理', values: sum }, ...p.rows.slice(first + 3)]
  return { ...p, rows }
}

/** The transcription of a hybrid page: （六） is one row, `results.other.other`. */
export function hybridTruth(t: Transcription): Transcription {
  const rows = new Map(t.rows)
  const parts = ['results.other.noSupplement', 'results.other.unpaidFee', 'results.other.other'].map((k) =>
    t.rows.get(k)!,
  )
  rows.delete('results.other.noSupplement')
  rows.delete('results.other.unpaidFee')
  rows.set(
    'results.other.other',
    parts[0]!.map((_, c) => parts.reduce((a, r) => a + r[c]!, 0)),
  )
  return { ...t, rows }
}

/** PDF text in reading order: the label column of table 三 first, then its numbers row by row. */
export function detachedLabels(p: PageParts): string {
  return [
    ...p.header,
    '正文：',
    ...p.before,
    ...p.head3,
    ...p.rows.map((r) => r.label),
    ...p.rows.flatMap((r) => r.values.map(String)),
    ...p.head4,
    ...p.values4.map(String),
    ...p.after,
  ].join('\n')
}

/**
 * A PDF converted to Markdown: the columns named 数据1..数据6 (and 总计), the table's own header rows as data
 * rows, the header injected again mid-table at a page break, and the page footer (— 5 —) inside the table.
 */
export function brokenMarkdown(p: PageParts): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`
  const header = row(['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])
  const table = [
    row(['', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计']),
    row(Array<string>(8).fill('---')),
    row([p.head3.slice(1).join(''), '', '', '', '', '', '', '']),
    header,
    ...p.rows.map((r) => row([r.label, ...r.values.map(String)])),
  ]
  const mid = Math.floor(table.length / 2)
  table.splice(mid, 0, row(['— 5 —', '', '', '', '', '', '', '']), header)
  table.splice(mid + 6, 0, '', '— 6 —', '')
  return [
    ...p.header,
    '正文：',
    ...p.before,
    p.head3[0]!,
    ...table,
    '',
    ...p.head4,
    p.values4.join(' '),
    ...p.after,
  ].join('\n')
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A number split over tags and padded as site editors leave it: `<p><span>3</span><span>37&nbsp;</span></p>`. */
function numberCell(v: number): string {
  const s = String(v)
  const cut = Math.ceil(s.length / 2)
  const spans = s.length > 1 ? `<span>${s.slice(0, cut)}</span><span>${s.slice(cut)}&nbsp;</span>` : `<span>${s}</span>`
  return `<td width="60" align="center"><p style="text-align:center">&nbsp;${spans}</p></td>`
}

/** The archive's lines (broken at every number) joined back into paragraphs, one per heading. */
function paragraphs(lines: string[]): string {
  const out: string[][] = []
  for (const l of lines) {
    if (out.length === 0 || /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[（(]$)/.test(l))
      out.push([])
    out.at(-1)!.push(l)
  }
  return out.map((p) => `<p style="text-indent:2em"><span>${escape(p.join(''))}</span></p>`).join('\n')
}

/** Table 二 as a site prints it: header words in one row, each row's label and numbers in cells of the next. */
function table2Html(lines: string[]): string {
  const rows: string[][] = []
  let labels: string[] = []
  for (const l of lines) {
    if (/^\d+(?:\.\d+)?$/.test(l)) {
      if (labels.length) rows.push([labels.join('')])
      labels = []
      rows.at(-1)!.push(l)
    } else labels.push(l)
  }
  if (labels.length) rows.push([labels.join('')])
  const cell = (c: string, i: number) =>
    i === 0 ? `<td><p><span>${escape(c)}</span></p></td>` : `<td><p>&nbsp;<span>${c}</span>&nbsp;</p></td>`
  // a label row before a row of numbers is the header words of the block, then the row's own label
  return `<table border="1">\n${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}\n</table>`
}

/**
 * The full page a site serves: navigation, a layout table holding the article, the tables nested inside it
 * with `<td><p><span>` cells, numbers split over tags and &nbsp; padding.
 */
export function servedHtml(p: PageParts): string {
  const t2 = p.before.findIndex((l) => l.startsWith('二、主动公开政府信息情况'))
  const labelCell = (l: string) =>
    `<td colspan="2"><p><span>${escape(l.slice(0, 4))}</span><span>${escape(l.slice(4))}</span></p></td>`
  const applicants = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
  const t3 = [
    '<table border="1" cellspacing="0" class="MsoNormalTable">',
    `<tr><td colspan="2"><p>&nbsp;</p></td>${applicants.map((a) => `<td><p><span>${a}</span></p></td>`).join('')}</tr>`,
    ...p.rows.map((r) => `<tr>${labelCell(r.label)}${r.values.map(numberCell).join('')}</tr>`),
    '</table>',
  ].join('\n')
  const h4 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  const t4 = [
    '<table border="1">',
    '<tr><td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr>',
    '<tr><td colspan="5"></td><td colspan="5"><p>未经复议直接起诉</p></td><td colspan="5"><p>复议后起诉</p></td></tr>',
    `<tr>${[...h4, ...h4, ...h4].map((h) => `<td><p><span>${h}</span></p></td>`).join('')}</tr>`,
    `<tr>${p.values4.map(numberCell).join('')}</tr>`,
    '</table>',
  ].join('\n')
  const title = p.header.find((l) => l.startsWith('标题'))?.replace(/^标题[:：]/, '') ?? ''
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escape(title)}</title><script>var nav = "本年新收 1 2 3"</script></head>
<body>
<table width="100%"><tr><td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td><td><a href="/xxgk">政府信息公开年报</a></td></tr></table>
<table width="1000" class="layout"><tr>
<td width="200" valign="top"><table><tr><td><a href="/a">政府信息公开指南</a></td></tr><tr><td><a href="/b">政府信息公开制度</a></td></tr></table></td>
<td valign="top"><div class="article"><h1>${escape(title)}</h1>
<div class="info">${p.header
    .filter((l) => l.startsWith('发布时间'))
    .map(escape)
    .join(' ')}&nbsp;&nbsp;来源：本站</div>
<table><tr><td>
${paragraphs(p.before.slice(0, t2 + 1))}
${table2Html(p.before.slice(t2 + 1))}
<p><span>${escape(p.head3[0]!)}</span></p>
${t3}
<p><span>${escape(p.head4[0]!)}</span></p>
${t4}
${paragraphs(p.after)}
</td></tr></table>
</div></td></tr></table>
<div class="footer">主办单位 版权所有 网站标识码 3504000001 闽ICP备05001234号</div>
</body></html>`
}

export interface Mutation {
  what: string
  parts: PageParts
}

/** one digit of a count changed (its last digit, 9 → 0), so the number stays a number */
const changeDigit = (v: number) => v - (v % 10) + (((v % 10) + 1) % 10)

/**
 * Every mutation of a page: each cell of tables 三 and 四 with one digit changed, each row of 三 dropped
 * (label and numbers), and each row of 三 with its 总计 cell moved to the front.
 */
export function mutationsOf(p: PageParts): Mutation[] {
  const out: Mutation[] = []
  const withRows = (rows: Row[]) => ({ ...p, rows })
  p.rows.forEach((r, i) => {
    r.values.forEach((v, c) => {
      const values = r.values.map((x, j) => (j === c ? changeDigit(v) : x))
      out.push({
        what: `${r.label} [${c}] ${v}→${changeDigit(v)}`,
        parts: withRows(p.rows.map((x, j) => (j === i ? { ...x, values } : x))),
      })
    })
    out.push({ what: `${r.label} dropped`, parts: withRows(p.rows.filter((_, j) => j !== i)) })
    const moved = [r.values.at(-1)!, ...r.values.slice(0, -1)]
    out.push({
      what: `${r.label} 总计 moved first`,
      parts: withRows(p.rows.map((x, j) => (j === i ? { ...x, values: moved } : x))),
    })
  })
  p.values4.forEach((v, c) => {
    out.push({
      what: `表四 [${c}] ${v}→${changeDigit(v)}`,
      parts: { ...p, values4: p.values4.map((x, j) => (j === c ? changeDigit(v) : x)) },
    })
  })
  return out
}
