// A published report as a stream of tokens: label text and cell values, in reading order. Text pages
// (one cell per line, `|`-flattened, Markdown, PDF layout with several cells on a line) and HTML pages
// (tables with rowspan/colspan) end up in the same stream, so one table reader serves them all.
import { toHalfWidth } from './normalize.js'
import { ONE_LINE_PAGE, splitRunTogether } from './runTogether.js'

export type Token =
  | { kind: 'label'; text: string; line: number }
  /** digits as printed (a run-together row is one long token), or a blank cell that the format reads as 0 */
  | { kind: 'num'; digits: string; line: number; run?: true }
  /** a cell that is there but cannot be read as an integer (e.g. "4.6", "约3") */
  | { kind: 'bad'; text: string; line: number }

/** Page furniture that PDF text extraction puts inside tables: "- 3 -", "第 3 页 共 9 页", "3/9". */
const FOOTER =
  /^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/
const MARKDOWN_RULE = /^:?-{3,}:?$/
const INTEGER = /^\d+$/
const GROUPED = /^\d{1,3}(?:,\d{3})+$/
const BLANK_MARK = /^[-—–/]$/

/** OCR reads 0 as O/o and 1 as l/I inside numbers: "1O5" is 105. Only tokens with a real digit in them. */
const OCR_NUMBER = /^(?=.*\d)[\dOoIl]+$/

/** a cell with its unit written in: "79369元", "12件" */
const WITH_UNIT = /^(\d+(?:\.\d+)?)(?:万元|元|件|条|个|次|人)$/

/** the start of a part that can only be label text (most parts of a page: Chinese words) */
const SURELY_LABEL = /^[\u4e00-\u9fa5]/

function pushPart(out: Token[], raw: string, line: number): void {
  if (raw === '') return
  if (SURELY_LABEL.test(raw)) {
    out.push({ kind: 'label', text: raw, line })
    return
  }
  if (MARKDOWN_RULE.test(raw)) return
  const ocr = OCR_NUMBER.test(raw) ? raw.replace(/[Oo]/g, '0').replace(/[Il]/g, '1') : raw
  const part = ocr.replace(WITH_UNIT, '$1')
  if (INTEGER.test(part)) out.push({ kind: 'num', digits: part, line })
  else if (GROUPED.test(part)) out.push({ kind: 'num', digits: part.replace(/,/g, ''), line })
  else if (BLANK_MARK.test(part)) out.push({ kind: 'num', digits: '0', line })
  // not a count: a decimal (万元 amounts) or a signed change (本年增/减); tables that allow them read the text
  else if (/^\d+\.\d+$|^[+\-−]\d+(?:\.\d+)?$/.test(part)) out.push({ kind: 'bad', text: part, line })
  else out.push({ kind: 'label', text: part, line })
}

/**
 * A digit token is label text when it is a numbering inside a broken label: "（" "1" "）…", "1" ".属于…".
 */
function relabelNumbering(tokens: Token[]): Token[] {
  return tokens.map((t, i) => {
    if (t.kind !== 'num') return t
    const prev = tokens[i - 1]
    const next = tokens[i + 1]
    const opens = prev?.kind === 'label' && /[(（]$/.test(prev.text)
    const closes = next?.kind === 'label' && /^[).、)）]/.test(next.text)
    return opens || closes ? { kind: 'label', text: t.digits, line: t.line } : t
  })
}

const OCR_LONE = /^[OoIl〇]$/

/** A lone O / l (OCR for 0 / 1) next to a number, in a run of such cells, or ending a line, is that number. */
function ocrLoneDigits(tokens: Token[]): Token[] {
  const lone = (t: Token | undefined) => t?.kind === 'label' && OCR_LONE.test(t.text)
  const out = [...tokens]
  for (let i = 0; i < out.length; i++) {
    if (!lone(out[i])) continue
    let j = i
    while (lone(out[j])) j++
    const endsLine = out[j] === undefined || out[j]!.line !== out[j - 1]!.line
    if (out[i - 1]?.kind === 'num' || out[j]?.kind === 'num' || j - i >= 2 || endsLine) {
      for (let k = i; k < j; k++) {
        const t = out[k] as { text: string; line: number }
        out[k] = { kind: 'num', digits: /[Il]/.test(t.text) ? '1' : '0', line: t.line }
      }
    }
    i = j
  }
  return out
}

const isNumberCell = (s: string) => /^[\d,]+$/.test(s)

/**
 * The cells of one line split on `|`. Separators all doubled (`||`) are one separator. In a row
 * written on one line, an empty cell after the row's label is the format's blank for 0: up to the closing
 * `|` of a Markdown row (`| 予以公开 |  | 3 |`), else up to the last cell written.
 */
function cellsOfLine(line: string): string[] {
  if (!line.includes('|')) return [line.trim()]
  const runs = line.match(/\|+/g) ?? []
  const doubled = runs.length > 0 && runs.every((r) => r.length % 2 === 0)
  const l = doubled ? line.replace(/\|+/g, (r) => '|'.repeat(r.length / 2)) : line
  // tabs (like runs of spaces) only align cells: they separate, but never make a blank cell
  const cells = l.split('|').map((c) => c.trim())
  let label = -1
  cells.forEach((c, i) => {
    if (c !== '' && !isNumberCell(c)) label = i
  })
  if (label < 0) return cells
  // a Markdown row ends at its closing |; otherwise the row ends at the last cell written
  let last = cells.length - 1
  if (!(l.startsWith('|') && l.endsWith('|'))) while (last >= 0 && cells[last] === '') last--
  return cells.map((c, i) => (c === '' && i > label && i < last ? '0' : c))
}

/** Tokens of a text page. Cells are separated by line breaks, `|`, tabs or (between numbers) spaces. */
export function tokenizeText(text: string): Token[] {
  const out: Token[] = []
  const lines = toHalfWidth(text).split(/\r\n|\r|\n/)
  lines.forEach((raw, line) => {
    const trimmed = raw.trim()
    if (trimmed === '' || FOOTER.test(trimmed)) return
    const wholeLine = trimmed.length > ONE_LINE_PAGE
    const cells = cellsOfLine(trimmed)
    // a page footer that a Markdown conversion put in a table row of its own: | — 5 — |  |  |
    if (
      cells.length > 1 &&
      cells.every((c) => c === '' || c === '0' || FOOTER.test(c)) &&
      cells.some((c) => FOOTER.test(c))
    )
      return
    const from = out.length
    for (const segment of cells) {
      for (const part of segment.split(/\s+/)) for (const p of splitRunTogether(part, wholeLine)) pushPart(out, p, line)
    }
    // a number on a page body saved on one line may be several cells run together
    if (wholeLine)
      for (let i = from; i < out.length; i++) {
        const t = out[i]
        if (t?.kind === 'num') out[i] = { ...t, run: true }
      }
  })
  return relabelNumbering(ocrLoneDigits(out))
}

/** Tokens of one line of text already split into cells (HTML table rows). */
export function tokenizeCells(cells: string[], line: number, blankIsZero: boolean): Token[] {
  const out: Token[] = []
  for (const cell of cells) {
    const t = toHalfWidth(cell).replace(/\s+/g, ' ').trim()
    if (t === '') {
      if (blankIsZero) out.push({ kind: 'num', digits: '0', line })
      continue
    }
    const before = out.length
    for (const part of t.split(' ')) pushPart(out, part, line)
    // a cell like "12 件" or "1 2" must not become two values: keep at most its first number
    const added = out.slice(before)
    if (added.filter((a) => a.kind === 'num').length > 1) {
      out.length = before
      out.push({ kind: 'label', text: t, line })
    }
  }
  return out
}
