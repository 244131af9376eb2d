// Personal-data detection measured on the labelled set (issue 17 point 3): precision and recall per kind and
// overall, for the application's detector (src/domain/privacy) and for a plain-regex baseline, in one run, with
// timings. The labels are in sentences.json and documents.json (built by build.ts from the hand-labelled sources).
//
//   nice -n 10 node --import tsx bench/privacy/run.ts [--list]     (--list prints every miss and false alarm)
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { findPersonalData } from '../../src/domain/privacy/index.js'
import { GROUPS, baseline, precision, recall, score, type LabelledText, type Scores, type Span } from './score.js'

const dir = new URL('.', import.meta.url)
const load = (name: string): LabelledText[] => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as LabelledText[]
const sentences = load('sentences.json')
const documents = load('documents.json')
const heldout = load('heldout.json')
const all = [...sentences, ...documents]
const list = process.argv.includes('--list')

const pct = (x: number): string => (Number.isNaN(x) ? '   —  ' : x.toFixed(3).padStart(6))

function table(title: string, s: Scores): void {
  process.stdout.write(`\n${title}\n`)
  process.stdout.write('kind        labels  found  right  exact  precision  recall\n')
  for (const g of GROUPS) {
    const t = s.tally[g]
    process.stdout.write(
      `${g.padEnd(10)} ${String(t.tp + t.fn).padStart(7)} ${String(t.tp + t.fp).padStart(6)} ${String(t.tp).padStart(6)} ${String(t.exact).padStart(6)}     ${pct(precision(t))}  ${pct(recall(t))}\n`,
    )
  }
}

function timed(detect: (text: string) => readonly Span[], rounds: number): number {
  const t = performance.now()
  for (let r = 0; r < rounds; r++) for (const item of all) detect(item.text)
  return (performance.now() - t) / rounds
}

const chars = all.reduce((n, x) => n + x.text.length, 0)
process.stdout.write(
  `bench/privacy: ${sentences.length} sentences + ${documents.length} documents, ${chars} characters, ${all.reduce((n, x) => n + x.labels.length, 0)} labelled spans\n`,
)
const app = score(all, findPersonalData)
table('application (findPersonalData), sentences + documents', app)
table('  sentences only', score(sentences, findPersonalData))
table('  documents only', score(documents, findPersonalData))
table(
  `second part (${heldout.length} texts written after the first tuning; see docs/privacy-detection.md)`,
  score(heldout, findPersonalData),
)
table('second part, baseline', score(heldout, baseline))
table(
  'baseline (plain regex: \\d{17}[\\dXx], 1\\d{10}, 0\\d{2,3}-\\d{7,8}, \\d{16,19}, plate; nothing for names/addresses)',
  score(all, baseline),
)

timed(findPersonalData, 2) // warm-up
const appMs = timed(findPersonalData, 20)
const baseMs = timed(baseline, 20)
process.stdout.write(
  `\ntime over the whole set (mean of 20 runs): application ${appMs.toFixed(1)} ms (${(((chars / appMs) * 1000) / 1e6).toFixed(2)} M chars/s), baseline ${baseMs.toFixed(1)} ms\n`,
)

if (list) {
  process.stdout.write('\nmissed:\n')
  for (const m of app.misses) process.stdout.write(`  ${m.id} ${m.kind} ${m.text}\n`)
  process.stdout.write('false alarms:\n')
  for (const f of app.falseAlarms) process.stdout.write(`  ${f.id} ${f.kind} ${f.text}\n`)
}
