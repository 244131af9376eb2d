// Scoring of bench/privacy, shared by run.ts and the regression test (test/domain/privacy/bench.test.ts).
//
// A found span counts as right when it has the label's kind and overlaps the labelled span by at least half of
// their union (IoU ≥ 0.5), each label matched at most once; `exact` counts the ones with identical offsets.
// "phone" pools mobile and landline (a landline found as a mobile still counts there, not in the two kinds).
import type { PersonalDataKind } from '../../src/domain/privacy/findings.js'

export interface Span {
  kind: PersonalDataKind
  start: number
  end: number
}
export interface LabelledText {
  id: string
  text: string
  labels: (Span & { text: string })[]
}

export type Group = PersonalDataKind | 'phone' | 'overall'
export const GROUPS: readonly Group[] = [
  'idNumber',
  'mobile',
  'landline',
  'phone',
  'bankCard',
  'plate',
  'address',
  'name',
  'overall',
]

export interface Tally {
  tp: number
  fp: number
  fn: number
  exact: number
}
export interface Scores {
  tally: Record<Group, Tally>
  /** the spans that were missed or wrongly found, for reading */
  misses: { id: string; kind: string; text: string }[]
  falseAlarms: { id: string; kind: string; text: string }[]
}

const inGroup = (group: Group, kind: PersonalDataKind): boolean =>
  group === 'overall' || group === kind || (group === 'phone' && (kind === 'mobile' || kind === 'landline'))

function iou(a: Span, b: Span): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (inter <= 0) return 0
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start))
}

export function score(set: readonly LabelledText[], detect: (text: string) => readonly Span[]): Scores {
  const tally = Object.fromEntries(GROUPS.map((g) => [g, { tp: 0, fp: 0, fn: 0, exact: 0 }])) as Record<Group, Tally>
  const misses: Scores['misses'] = []
  const falseAlarms: Scores['falseAlarms'] = []
  for (const item of set) {
    const found = detect(item.text)
    for (const group of GROUPS) {
      // in a pooled group the kinds inside it are not told apart
      const same = (a: PersonalDataKind, b: PersonalDataKind): boolean =>
        group === 'phone' ? inGroup('phone', a) && inGroup('phone', b) : a === b
      const labels = item.labels.filter((l) => inGroup(group, l.kind))
      const preds = found.filter((f) => inGroup(group, f.kind))
      const used = new Set<number>()
      for (const p of preds) {
        const i = labels.findIndex((l, j) => !used.has(j) && same(l.kind, p.kind) && iou(l, p) >= 0.5)
        if (i < 0) {
          tally[group].fp++
          if (group === 'overall')
            falseAlarms.push({ id: item.id, kind: p.kind, text: item.text.slice(p.start, p.end) })
          continue
        }
        used.add(i)
        tally[group].tp++
        if (labels[i]!.start === p.start && labels[i]!.end === p.end) tally[group].exact++
      }
      labels.forEach((l, j) => {
        if (used.has(j)) return
        tally[group].fn++
        if (group === 'overall') misses.push({ id: item.id, kind: l.kind, text: l.text })
      })
    }
  }
  return { tally, misses, falseAlarms }
}

export const precision = (t: Tally): number => (t.tp + t.fp === 0 ? NaN : t.tp / (t.tp + t.fp))
export const recall = (t: Tally): number => (t.tp + t.fn === 0 ? NaN : t.tp / (t.tp + t.fn))

// The baseline: the plain patterns a quick script would use, with digit boundaries and nothing else (no check
// digits, no context, nothing for names or addresses).
const BASELINE: [PersonalDataKind, RegExp][] = [
  ['idNumber', /(?<!\d)\d{17}[\dXx](?!\d)/g],
  ['mobile', /(?<!\d)1\d{10}(?!\d)/g],
  ['landline', /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g],
  ['bankCard', /(?<!\d)\d{16,19}(?!\d)/g],
  ['plate', /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]·?[A-Z0-9]{5,6}/g],
]

export function baseline(text: string): Span[] {
  const out: Span[] = []
  for (const [kind, re] of BASELINE) {
    for (const m of text.matchAll(re)) out.push({ kind, start: m.index, end: m.index + m[0].length })
  }
  return out
}
