// Robustness on the real reports of ../shared/reports (read there, never copied): the same page with its
// digits made full-width, its line breaks doubled, or spaces put inside its labels reads the same cells; on a
// page that keeps every cell, any one cell of tables 三 and 四 changed or left out gives the new number or a
// finding, never a wrong number silently. (On a page whose extractor collapsed equal neighbours, a lost value
// can look like a collapse that still adds up: that is why those pages are only reshaped here.)
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'
import type { ParsedReport } from '../../src/audit/parseReport.js'
import { compareWithTranscription, corpusPresent, fixtures, readTranscription, reportsDir } from './support.js'

const dir = path.join(fixtures, 'transcriptions')
const hands = corpusPresent
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.tables.txt'))
      .map((f) => readTranscription(path.join(dir, f)))
      .filter((t) => !t.file.endsWith('.html'))
  : []

const wide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
const RESHAPED: [string, (s: string) => string][] = [
  ['digits made full-width', wide],
  ['line breaks doubled', (s) => s.replace(/\n/g, '\n\n')],
  ['spaces inside labels', (s) => s.replace(/申请/g, '申 请').replace(/公开/g, '公\u3000开')],
]

/** lines of table 三 and 四 that hold one number each */
function cellLines(lines: string[]): number[] {
  const a = lines.findIndex((l) => /^\s*三、收到和处理政府信息公开申请情况/.test(l))
  const b = lines.findIndex((l, i) => i > a && /^\s*五、/.test(l))
  return lines.flatMap((l, i) => (i > a && i < b && /^\s*\d+\s*$/.test(l) ? [i] : []))
}

/** Wrong numbers no finding explains: neither a rule (the checker says the table breaks) nor a parse.* finding on the row. */
function silentlyWrong(r: ParsedReport, truth: ReturnType<typeof readTranscription>, changed?: number) {
  const { wrong } = compareWithTranscription(r, truth)
  const ruleFound = r.findings.some((f) => !f.rule.startsWith('parse.') && !f.rule.startsWith('narrative.'))
  const parseRows = new Set(r.findings.filter((f) => f.rule.startsWith('parse.')).map((f) => f.row ?? '*'))
  const rowOf = (where: string) => {
    const row = where.replace(/\[\d+\]$/, '')
    return row === 'reviews' ? 'reviewsAndLawsuits' : row
  }
  return wrong.filter(
    (w) =>
      !(changed !== undefined && wrong.length === 1 && w.actual === changed) &&
      !ruleFound &&
      !parseRows.has('*') &&
      !parseRows.has(rowOf(w.where)),
  )
}

describe.skipIf(!corpusPresent)('real reports reshaped and mutated', () => {
  for (const hand of hands) {
    it(`${hand.file}: reshaped, every cell reads as before`, () => {
      const text = readFileSync(path.join(reportsDir, hand.file), 'utf8')
      const before = compareWithTranscription(auditReport(text), hand)
      for (const [what, reshape] of RESHAPED) {
        const after = compareWithTranscription(auditReport(reshape(text)), hand)
        expect(after, what).toEqual(before)
      }
    })
  }

  // pages that print equal neighbours ("0 0") keep every cell
  const whole = hands.filter((h) =>
    /\n\s*0\s*\r?\n\s*0\s*\r?\n/.test(readFileSync(path.join(reportsDir, h.file), 'utf8')),
  )

  it('at least three of them keep every cell', () => expect(whole.length).toBeGreaterThanOrEqual(3))

  for (const hand of whole) {
    it(`${hand.file}: any one cell changed or left out is read as changed, or a finding says so`, () => {
      const lines = readFileSync(path.join(reportsDir, hand.file), 'utf8').split('\n')
      const at = cellLines(lines)
      expect(at.length).toBeGreaterThan(7 * 23)
      for (const i of at) {
        const v = Number(lines[i]!.trim())
        const plus = lines.map((l, j) => (j === i ? l.replace(/\d+/, String(v + 1)) : l)).join('\n')
        expect(silentlyWrong(auditReport(plus), hand, v + 1), `line ${i + 1} +1`).toEqual([])
        const dropped = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n')
        expect(silentlyWrong(auditReport(dropped), hand), `line ${i + 1} left out`).toEqual([])
      }
    })
  }
})

describe.skipIf(!corpusPresent)('collapsed rows that no reading can reconcile', () => {
  it('004 with its 新收 row made 18 … 19: no reading adds up, and a parse finding says so (not silence)', () => {
    const text = readFileSync(path.join(reportsDir, '004_putian_chengguan_2023.txt'), 'utf8')
    const changed = text.replace(
      '一、本年新收政府信息公开申请数量\n19\n0\n1\n0\n20\n',
      '一、本年新收政府信息公开申请数量\n18\n0\n1\n0\n19\n',
    )
    expect(changed).not.toBe(text)
    const rules = auditReport(changed).findings.map((f) => f.rule)
    expect(rules).toContain('parse.noConsistentReading')
    expect(auditReport(text).findings.map((f) => f.rule)).not.toContain('parse.noConsistentReading')
  })
})
