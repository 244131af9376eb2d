// Turns the hand-labelled sources (sentences.source.ts, documents.source.ts) into the JSON the bench reads:
// the markup [[k:…]] becomes exact spans, and each {ID}/{MOB}/{CARD}… placeholder an invented number drawn from a
// fixed seed, so the same JSON comes out on every run.
//
//   node --import tsx bench/privacy/build.ts
import { writeFileSync } from 'node:fs'
import { idCheckChar, luhnCheckDigit } from '../../src/domain/privacy/checks.js'
import type { PersonalDataKind } from '../../src/domain/privacy/findings.js'
import { DOCUMENTS } from './documents.source.js'
import { HELDOUT_DOCUMENTS, HELDOUT_SENTENCES } from './heldout.source.js'
import { SENTENCES } from './sentences.source.js'
import type { LabelledText } from './score.js'

// mulberry32: a small seeded generator, so the invented numbers are the same on every build
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seeded(20231204)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
const pad = (n: number, w: number): string => String(n).padStart(w, '0')

const REGIONS = [
  '350102',
  '350103',
  '350104',
  '350105',
  '350111',
  '350121',
  '350122',
  '350181',
  '350182',
  '350203',
  '350583',
  '350628',
  '110105',
  '320106',
  '440305',
  '510104',
  '360102',
  '430103',
  '330106',
  '370202',
]

function birth(): string {
  const y = 1930 + Math.floor(random() * 76)
  const m = 1 + Math.floor(random() * 12)
  const d = 1 + Math.floor(random() * 28)
  return `${y}${pad(m, 2)}${pad(d, 2)}`
}

function id18(wantX: boolean): string {
  for (;;) {
    const body = pick(REGIONS) + birth() + digits(3)
    const check = idCheckChar(body)
    if ((check === 'X') === wantX) return body + check
  }
}

function mobile(): string {
  const prefix = pick([
    '130',
    '131',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '157',
    '158',
    '159',
    '176',
    '177',
    '180',
    '182',
    '183',
    '186',
    '187',
    '188',
    '189',
    '191',
    '198',
    '199',
  ])
  return prefix + digits(8)
}

function card(length: number): string {
  const bin =
    length === 16
      ? pick(['622588', '436742', '524047', '625965'])
      : pick(['622202', '621700', '622848', '621661', '622700', '623058', '621226', '621799'])
  const body = bin + digits(length - 1 - bin.length)
  return body + luhnCheckDigit(body)
}

const PLACEHOLDERS: Record<string, () => string> = {
  ID: () => id18(false),
  IDX: () => id18(true),
  ID15: () => pick(REGIONS) + birth().slice(2) + digits(3),
  MOB: mobile,
  'MOB-': () => mobile().replace(/^(\d{3})(\d{4})(\d{4})$/, '$1-$2-$3'),
  MOB_: () => mobile().replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3'),
  MOB86: () => '+86 ' + mobile(),
  CARD: () => card(19),
  CARD16: () => card(16),
  CARD_: () => card(19).replace(/^(\d{4})(\d{4})(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3 $4 $5'),
}

const KINDS: Record<string, PersonalDataKind> = {
  i: 'idNumber',
  m: 'mobile',
  l: 'landline',
  b: 'bankCard',
  p: 'plate',
  a: 'address',
  n: 'name',
}

function fill(s: string): string {
  return s.replace(/\{(ID15|IDX|ID|MOB-|MOB_|MOB86|MOB|CARD16|CARD_|CARD)\}/g, (_, k: string) => PLACEHOLDERS[k]!())
}

/** plain text and its labelled spans from the markup */
function parse(source: string): Omit<LabelledText, 'id'> {
  let text = ''
  const labels: LabelledText['labels'] = []
  const re = /\[\[([imlbpan]):([^\]]+)\]\]/g
  let at = 0
  for (const m of source.matchAll(re)) {
    text += fill(source.slice(at, m.index))
    const value = fill(m[2]!)
    labels.push({ kind: KINDS[m[1]!]!, start: text.length, end: text.length + value.length, text: value })
    text += value
    at = m.index + m[0].length
  }
  text += fill(source.slice(at))
  return { text, labels }
}

const sentences: LabelledText[] = SENTENCES.map((s, i) => ({ id: `s${pad(i + 1, 3)}`, ...parse(s) }))
const documents: (LabelledText & { title: string; genre: string })[] = DOCUMENTS.map((d, i) => ({
  id: `d${pad(i + 1, 2)}`,
  title: d.title.replace(/\[\[[a-z]:([^\]]+)\]\]/g, '$1'),
  genre: d.genre,
  ...parse(d.body),
}))

// the held-out part is drawn after the rest, so adding it left the numbers of the first part unchanged
const heldout: (LabelledText & { title?: string; genre?: string })[] = [
  ...HELDOUT_SENTENCES.map((s, i) => ({ id: `h${pad(i + 1, 3)}`, ...parse(s) })),
  ...HELDOUT_DOCUMENTS.map((d, i) => ({
    id: `hd${pad(i + 1, 2)}`,
    title: d.title.replace(/\[\[[a-z]:([^\]]+)\]\]/g, '$1'),
    genre: d.genre,
    ...parse(d.body),
  })),
]

const dir = new URL('.', import.meta.url)
writeFileSync(new URL('sentences.json', dir), JSON.stringify(sentences, null, 1) + '\n')
writeFileSync(new URL('documents.json', dir), JSON.stringify(documents, null, 1) + '\n')
writeFileSync(new URL('heldout.json', dir), JSON.stringify(heldout, null, 1) + '\n')
const count = (xs: LabelledText[]): number => xs.reduce((n, x) => n + x.labels.length, 0)
process.stdout.write(
  `${sentences.length} sentences (${count(sentences)} spans), ${documents.length} documents (${count(documents)} spans), held out ${heldout.length} texts (${count(heldout)} spans)\n`,
)
