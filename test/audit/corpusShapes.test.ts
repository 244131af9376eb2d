// The page shapes of issue 12, each built at test time from the real reports of ../shared/reports (see
// corpusShapes.ts): every cell of tables 二, 三 and 四 is read as the hand transcription has it, or is null with
// a parse.* finding on its row; none is wrong; the report's real inconsistencies are still found. Then every
// shape is mutated (a digit changed, a row dropped, a column moved): each mutation shows a finding or a null,
// never a different number silently.
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'
import type { ParsedReport } from '../../src/audit/parseReport.js'
import {
  brokenMarkdown,
  cellPerLine,
  detachedLabels,
  hybrid,
  hybridTruth,
  mutationsOf,
  oneLine,
  pageParts,
  servedHtml,
  withTranscribedCells,
  type PageParts,
} from './corpusShapes.js'
import {
  compareWithTranscription,
  corpusPresent,
  fixtures,
  readIndex,
  readTranscription,
  REAL_FINDINGS,
  type Transcription,
} from './support.js'
import path from 'node:path'

/** the corpus reports of both formats printed one cell per line (005 is the HTML of 004) */
const SOURCES = [
  '001_sanming_2022.txt',
  '002_sanming_2024.txt',
  '003_sanming_2025.txt',
  '004_putian_chengguan_2023.txt',
  '006_putian_haiyu_2022.txt',
  '007_putian_keji_2021.txt',
  '008_putian_wenlv_2024.txt',
  '009_putian_minzong_2025.txt',
  '010_sanming_2019.txt',
  '011_sanming_2020.txt',
  '012_putian_2019.txt',
]

interface Shape {
  name: string
  /** which reports it is built from: the hybrid only from 2021-format reports */
  applies: (t: Transcription) => boolean
  /** the page's parts as the shape has them (the hybrid's （六） rows summed) */
  parts?: (p: PageParts) => PageParts
  render: (p: PageParts) => string
  truth: (t: Transcription) => Transcription
  /** findings the shape itself adds */
  adds: string[]
}

const all = () => true
const SHAPES: Shape[] = [
  { name: 'whole body on one line, cells run together', applies: all, render: oneLine, truth: (t) => t, adds: [] },
  {
    name: 'hybrid template (2021 table 二, 2019 （六） row)',
    applies: (t) => t.format === '2021',
    parts: hybrid,
    render: cellPerLine,
    truth: hybridTruth,
    adds: ['format.mixed'],
  },
  {
    name: 'hybrid template on one line',
    applies: (t) => t.format === '2021',
    parts: hybrid,
    render: oneLine,
    truth: hybridTruth,
    adds: ['format.mixed'],
  },
  { name: 'PDF reading order, labels detached', applies: all, render: detachedLabels, truth: (t) => t, adds: [] },
  { name: 'broken Markdown conversion', applies: all, render: brokenMarkdown, truth: (t) => t, adds: [] },
  { name: 'HTML as served (layout tables, p/span cells)', applies: all, render: servedHtml, truth: (t) => t, adds: [] },
]

const KEY_ROWS = ['newReceived', 'carriedOver', 'results.disclosed', 'results.total', 'carriedForward']

const rowOf = (where: string) => {
  const row = where.replace(/\[\d+\]$/, '')
  return row === 'reviews' ? 'reviewsAndLawsuits' : row
}

/** Wrong cells that no finding explains: no identity the checker names as broken, no parse.* finding on the row. */
function silentlyWrong(r: ParsedReport, truth: Transcription): string[] {
  const { wrong } = compareWithTranscription(r, truth)
  const broken = r.findings.some((f) => /^(?:applications|reviews|legacy)\./.test(f.rule))
  const parseRows = new Set(r.findings.filter((f) => f.rule.startsWith('parse.')).map((f) => f.row ?? '*'))
  // a cell read as undefined is not a number: its table was not found, and a parse.tableMissing finding says so
  return wrong
    .filter((w) => typeof w.actual === 'number')
    .filter((w) => !broken && !parseRows.has('*') && !parseRows.has(rowOf(w.where)))
    .map((w) => `${w.where}: ${w.actual} (truth ${w.expected})`)
}

const cases = corpusPresent
  ? SOURCES.flatMap((file) => {
      const hand = readTranscription(path.join(fixtures, 'transcriptions', file.replace('.txt', '.tables.txt')))
      const page = withTranscribedCells(pageParts(file), hand)
      return SHAPES.filter((s) => s.applies(hand)).map((shape) => ({
        file,
        shape,
        parts: shape.parts ? shape.parts(page) : page,
        truth: shape.truth(hand),
      }))
    })
  : []

describe.skipIf(!corpusPresent)('page shapes built from the corpus', () => {
  const counts = { fixtures: 0, exact: 0, nulls: 0, wrong: 0, keyExact: 0, keyNull: 0, keyWrong: 0 }

  for (const { file, shape, parts, truth } of cases) {
    it(`${shape.name}, from ${file}: every cell as transcribed or null with a parse finding; the real inconsistencies found`, () => {
      const r = auditReport(shape.render(parts))
      const { wrong, nulls, cells } = compareWithTranscription(r, truth)
      counts.wrong += wrong.length
      expect(wrong).toEqual([])
      const parseRows = new Set(r.findings.filter((x) => x.rule.startsWith('parse.')).map((x) => x.row))
      for (const where of nulls) expect(parseRows, where).toContain(rowOf(where))
      expect(r.findings.filter((f) => !f.rule.startsWith('parse.')).map((f) => f.rule)).toEqual([
        ...shape.adds,
        ...(REAL_FINDINGS[file] ?? []),
      ])
      const key = KEY_ROWS.map((row) => `${row}[6]`)
      counts.fixtures++
      counts.exact += cells - nulls.length
      counts.nulls += nulls.length
      counts.keyNull += key.filter((k) => nulls.includes(k)).length
      counts.keyExact += key.filter((k) => !nulls.includes(k)).length
    })
  }

  it('the key totals (table 三 总计 column) of every shape are read exactly: none null, none wrong', () => {
    const index = new Map(readIndex().map((row) => [row.file, row]))
    const columns = [
      'new_received_total',
      'carried_over_total',
      'disclosed_total',
      'results_total',
      'carried_forward_total',
    ]
    for (const { file, shape, parts } of cases) {
      const a = auditReport(shape.render(parts)).applications
      const read = [
        a?.newReceived[6],
        a?.carriedOver[6],
        a?.results.disclosed[6],
        a?.results.total[6],
        a?.carriedForward[6],
      ]
      expect(read, `${shape.name} ${file}`).toEqual(columns.map((c) => Number(index.get(file)![c])))
    }
    console.log(
      `shapes: ${counts.fixtures} fixtures; cells read exactly ${counts.exact}, null ${counts.nulls}, wrong ${counts.wrong}; ` +
        `key totals read exactly ${counts.keyExact}, null ${counts.keyNull}, wrong ${counts.keyWrong}`,
    )
  })
})

describe.skipIf(!corpusPresent)(
  'mutations of every shape: a finding or a null, never a different number silently',
  () => {
    const tally = { made: 0, identity: 0, nulls: 0, asPrinted: 0, silent: 0 }
    for (const { file, shape, parts, truth } of cases) {
      it(`${shape.name}, from ${file}`, () => {
        const silent: string[] = []
        const before = shape.render(parts)
        for (const m of mutationsOf(parts)) {
          const text = shape.render(m.parts)
          const r = auditReport(text)
          const wrong = silentlyWrong(r, truth)
          const cmp = compareWithTranscription(r, truth)
          // cells not read: null, or undefined where the table itself was not found (parse.tableMissing)
          const unread = cmp.nulls.length + cmp.wrong.filter((w) => w.actual === undefined).length
          tally.made++
          if (wrong.length) {
            tally.silent++
            silent.push(`${m.what}: ${wrong.join(', ')}`)
          } else if (text === before)
            tally.identity++ // 总计 moved first in a row of zeros: the page is unchanged
          else if (unread && r.findings.some((f) => f.rule.startsWith('parse.'))) tally.nulls++
          else if (r.findings.some((f) => /^(?:applications|reviews)\./.test(f.rule))) tally.asPrinted++
          else silent.push(`${m.what}: read as before, and no finding says the page changed`)
        }
        expect(silent).toEqual([])
      }, 120_000)
    }
    it('counts', () => {
      const detected = tally.made - tally.identity - tally.silent
      console.log(
        `mutations: ${tally.made} made (${tally.identity} leave the page as it was); ${detected} detected or left null ` +
          `(${tally.nulls} with cells left null or unread and a parse finding, ${tally.asPrinted} read as printed with the ` +
          `checker's finding); ${tally.silent} silently wrong`,
      )
      expect(tally.silent).toBe(0)
      expect(tally.nulls + tally.asPrinted).toBe(detected)
    })
  },
)

describe.skipIf(!corpusPresent)('a real inconsistency in every shape', () => {
  // 予以公开 +6 in 自然人 and in its 总计: the row adds up, the 办理结果 sub-rows no longer sum to （七）总计
  const page = corpusPresent ? pageParts('001_sanming_2022.txt') : undefined
  const rows = page?.rows.map((r) =>
    /予以公开/.test(r.label) && !/部分公开/.test(r.label)
      ? { ...r, values: [r.values[0]! + 6, ...r.values.slice(1, 6), r.values[6]! + 6] }
      : r,
  )
  for (const shape of SHAPES.filter((s) => !s.parts)) {
    it(`${shape.name}: sub-rows summing to more than （七）总计 are named by applications.resultsTotal`, () => {
      const r = auditReport(shape.render({ ...page!, rows: rows! }))
      expect(r.applications?.results.disclosed).toEqual([241, 3, 0, 1, 0, 4, 249])
      expect(r.findings.filter((f) => f.rule === 'applications.resultsTotal').map((f) => f.column)).toContain('total')
    })
  }
})

describe.skipIf(!corpusPresent)('a page body on one line with no row of zeros', () => {
  it('a number of table 二 is never taken for one value printed once for several cells', () => {
    const page = pageParts('001_sanming_2022.txt')
    // every zero row of table 三 given one application, so that no run starts with 0
    const rows = page.rows.map((r) => (r.values.every((v) => v === 0) ? { ...r, values: [1, 0, 0, 0, 0, 0, 1] } : r))
    const r = auditReport(oneLine({ ...page, rows }))
    // 行政规范性文件 4871372545 for three cells: no sum decides how to cut it
    expect(Object.values(r.proactive?.art20_1?.normativeDocuments ?? {})).toEqual([null, null, null])
    expect(r.findings.map((f) => [f.rule, f.row])).toContainEqual([
      'parse.ambiguousCells',
      'proactive.art20_1.normativeDocuments',
    ])
  })
})
