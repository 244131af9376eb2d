import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

// The same tokens on both engines: jieba segments in the app, the engines only match whole tokens.
// Index time uses search mode (a long word also yields its parts: 福州市 → 福州, 州市, 福州市), query time the
// precise mode, so every query token of a text is among the index tokens of the same text.

let jieba: Jieba | undefined
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

const WORD = /^[\p{L}\p{N}]+$/u

function keep(tokens: string[]): string[] {
  const out: string[] = []
  for (const t of tokens) {
    const w = t.trim().toLowerCase()
    if (w && WORD.test(w)) out.push(w)
  }
  return out
}

/** Every token of a text as it is indexed (punctuation and blanks dropped, lower case). */
export function indexTokens(text: string): string[] {
  return keep(segmenter().cutForSearch(text, false))
}

/** The distinct tokens of a query (all must match). */
export function queryTokens(q: string): string[] {
  return [...new Set(keep(segmenter().cut(q, false)))]
}

// 文号 such as 榕房〔2020〕93号: written with 〔〕, [], 【】, () or （） by different people
const DOC_NO = /^\s*([\p{Script=Han}A-Za-z]{1,20})\s*[〔[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(第?\d{1,6}号?)\s*$/u

/** The one token standing for a whole 文号 (brackets of any style give the same token); null if not a 文号. */
export function docNoToken(docNo: string): string | null {
  const m = DOC_NO.exec(docNo)
  if (!m) return null
  const [, issuer = '', year, serial = ''] = m
  const num = serial.replace(/^第/, '').replace(/号$/, '')
  return `zzdoc${issuer.toLowerCase()}${year}x${Number(num)}`
}

/** Filter tokens (agency, column and its ancestors, year, 有效性, 主题分类): matched, never scored. */
export const filterToken = {
  agency: (id: number) => `zzagency${id}`,
  column: (id: number) => `zzcolumn${id}`,
  year: (year: number) => `zzyear${year}`,
  validity: (v: string) => `zzvalid${v.toLowerCase().replace(/[^a-z]/g, '')}`,
  topic: (topic: string) => `zztopic${[...topic.toLowerCase()].filter((c) => WORD.test(c)).join('')}`,
}
