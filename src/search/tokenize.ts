import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

// How text becomes index terms, and a query becomes a match (decision 0028). The index holds every Han
// character and every pair of adjacent Han characters of a text (unigrams and bigrams), and whole words of
// other scripts (letters and digits). A query word of one character is its unigram, of two its bigram, of
// more the chain of its overlapping bigrams: whatever part of a word is typed, the documents that contain it
// as written are found, as a substring search would, without depending on how a segmenter cut the text.
// jieba only splits a typed query into words (all must match, anywhere in the document).

let jieba: Jieba | undefined
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

const WORD = /^[\p{L}\p{N}]+$/u
const HAN = /\p{Script=Han}/u
const RUNS = /[\p{L}\p{N}]+/gu
/** a run of Han characters, or a run of other letters and digits */
const PIECES = /\p{Script=Han}+|[^\p{Script=Han}\s]+/gu

/**
 * A text as the index reads it: lower case, each run of letters and digits kept whole, anything else one
 * blank. Relevance counts a term's occurrences in this text, and a document's length is its pieces' count.
 */
export function searchText(text: string): string {
  return (text.toLowerCase().match(RUNS) ?? []).join(' ')
}

/** The index terms of one normalized piece of text, in order, repeats kept. */
function piecesGrams(text: string, out: string[]): void {
  for (const run of text.match(PIECES) ?? []) {
    if (!HAN.test(run)) {
      out.push(run)
      continue
    }
    const chars = [...run]
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i] as string)
      if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}`)
    }
  }
}

/** Every index term of a text: Han unigrams and bigrams, other words whole (repeats kept). */
export function indexTerms(text: string): string[] {
  const out: string[] = []
  piecesGrams(searchText(text), out)
  return out
}

/** How long a document is for BM25: its Han characters plus its other words. */
export function termLength(text: string): number {
  let n = 0
  for (const run of searchText(text).match(PIECES) ?? []) n += HAN.test(run) ? [...run].length : 1
  return n
}

/**
 * The index terms that a phrase needs, all of them (its unigram, its bigram, or the chain of overlapping
 * bigrams; other words whole). A document holding the phrase holds them all; one holding them all but not
 * the phrase is rare enough for a ranked list (the chain of 公共租赁住房 is 公共 共租 租赁 赁住 住房).
 */
export function phraseTerms(phrase: string): string[] {
  const out: string[] = []
  for (const run of searchText(phrase).match(PIECES) ?? []) {
    if (!HAN.test(run)) {
      out.push(run)
      continue
    }
    const chars = [...run]
    if (chars.length === 1) out.push(run)
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`)
  }
  return [...new Set(out)]
}

/** The words of a typed text in order (jieba, precise mode; punctuation dropped, lower case, repeats kept). */
export function queryTokens(q: string): string[] {
  const out: string[] = []
  for (const t of segmenter().cut(q, false)) {
    const w = t.trim().toLowerCase()
    if (w && WORD.test(w)) out.push(w)
  }
  return out
}

/** jieba's dictionary words of Han characters, and for each character the words that hold it. */
export interface Vocabulary {
  words: readonly { word: string; freq: number }[]
  byChar: ReadonlyMap<string, readonly number[]>
}

let vocabulary: Vocabulary | undefined
/** The words a misspelt query may have meant (did-you-mean, suggest.ts). Read once, when first needed. */
export function dictionaryWords(): Vocabulary {
  if (vocabulary) return vocabulary
  const words: { word: string; freq: number }[] = []
  const byChar = new Map<string, number[]>()
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const [word = '', f = '0'] = line.split(' ')
    const freq = Number(f)
    if (word.length < 2 || word.length > 8 || freq < 3 || !/^\p{Script=Han}+$/u.test(word)) continue
    const i = words.push({ word, freq }) - 1
    for (const c of new Set(word)) {
      const list = byChar.get(c)
      if (list) list.push(i)
      else byChar.set(c, [i])
    }
  }
  vocabulary = { words, byChar }
  return vocabulary
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

const label = (s: string) => [...s.toLowerCase()].filter((c) => WORD.test(c)).join('')

/**
 * Filter tokens (agency, column and its ancestors, year, 有效性, 主题分类, 组配分类): matched, never scored.
 * Each is one index word that no text produces (it starts with zz and is never split into grams).
 */
export const filterToken = {
  agency: (id: number) => `zzagency${id}`,
  column: (id: number) => `zzcolumn${id}`,
  year: (year: number) => `zzyear${year}`,
  validity: (v: string) => `zzvalid${v.toLowerCase().replace(/[^a-z]/g, '')}`,
  topic: (topic: string) => `zztopic${label(topic)}`,
  genre: (genre: string) => `zzgenre${label(genre)}`,
}
