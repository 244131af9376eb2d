// Robustness: each seed text mutated the ways real pages differ (a cell changed, a row dropped,
// separators doubled, full-width digits, line breaks inside labels, cells collapsed or run together)
// gives the right numbers, or null with the right parse.* finding, never a wrong number silently.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'
import type { ParsedReport } from '../../src/audit/parseReport.js'
import {
  compareWithTranscription,
  fixtures,
  readTranscription,
  type CellMismatch,
  type Transcription,
} from './support.js'

const FUZHOU = readFileSync(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.txt'), 'utf8')
const QUZHOU = readFileSync(path.join(fixtures, 'seeds/000_ff4240299ce9dbe2.txt'), 'utf8')
const fuzhouHand = readTranscription(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.tables.txt'))
const quzhouHand = readTranscription(path.join(fixtures, 'seeds/000_ff4240299ce9dbe2.legacy.txt'))

/** line range of the tables in each seed */
function region(text: string, from: string, to: string | undefined): [number, number] {
  const lines = text.split('\n')
  const a = lines.findIndex((l) => l.includes(from))
  const b = to === undefined ? lines.length : lines.findIndex((l, i) => i > a && l.includes(to))
  return [a, b]
}
const FUZHOU_TABLES = region(FUZHOU, '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况')
const QUZHOU_TABLE = region(QUZHOU, '政府信息公开工作情况报表', '(五)分管领导及工作人员情况')

const isNumberLine = (l: string) => /^\s*\d+\s*\|?\s*$/.test(l)

function mapLines(text: string, [a, b]: [number, number], f: (line: string, i: number) => string | string[]): string {
  const lines = text.split('\n')
  return lines.flatMap((l, i) => (i > a && i < b ? f(l, i) : [l])).join('\n')
}

/** No cell of the parsed model holds a number other than the truth; cells not read have a parse.* finding. */
function expectNoSilentWrongNumber(r: ParsedReport, truth: Transcription, allowed: CellMismatch[] = []) {
  const { wrong, nulls } = compareWithTranscription(r, truth)
  expect(wrong).toEqual(allowed)
  if (nulls.length > 0) expect(r.findings.some((f) => f.rule.startsWith('parse.'))).toBe(true)
  return { wrong, nulls }
}

const ruleFindings = (r: ParsedReport) =>
  r.findings.filter((f) => !f.rule.startsWith('parse.') && !f.rule.startsWith('narrative.'))

describe('a cell changed', () => {
  it('福州: every table cell +1 is read as the new number and breaks a sum the checker names', () => {
    const lines = FUZHOU.split('\n')
    let mutated = 0
    for (let i = FUZHOU_TABLES[0]; i < FUZHOU_TABLES[1]; i++) {
      if (!isNumberLine(lines[i]!)) continue
      const old = Number(lines[i]!.replace(/\D/g, ''))
      const text = mapLines(FUZHOU, FUZHOU_TABLES, (l, j) => (j === i ? `${old + 1} |` : l))
      const r = auditReport(text)
      const { wrong } = compareWithTranscription(r, fuzhouHand)
      expect(
        wrong.map((w) => [w.expected, w.actual]),
        `line ${i + 1}`,
      ).toEqual([[old, old + 1]])
      expect(ruleFindings(r).length, `line ${i + 1}`).toBeGreaterThan(0)
      mutated++
    }
    expect(mutated).toBe(23 * 7 + 15) // every cell of tables 三 and 四
  })

  it('衢州: every 统计表 item +1 is read as the new number, and a broken 统计表 sum is named', () => {
    const lines = QUZHOU.split('\n')
    for (let i = QUZHOU_TABLE[0]; i < QUZHOU_TABLE[1]; i++) {
      if (!isNumberLine(lines[i]!)) continue
      const old = Number(lines[i]!.trim())
      const r = auditReport(mapLines(QUZHOU, QUZHOU_TABLE, (l, j) => (j === i ? String(old + 1) : l)))
      const { wrong } = compareWithTranscription(r, quzhouHand)
      expect(
        wrong.map((w) => [w.expected, w.actual]),
        `line ${i + 1}`,
      ).toEqual([[old, old + 1]])
    }
    const r = auditReport(QUZHOU.replace('\n8\n\n\n(二)申请办结数', '\n9\n\n\n(二)申请办结数')) // 信函申请数 8 → 9
    expect(r.findings.map((f) => f.rule)).toContain('legacy.channels')
  })
})

describe('a row dropped', () => {
  const rows = [...fuzhouHand.rows.keys()]
  it.each(rows)('福州 without the row %s: that row is null with parse.rowMissing, the rest as printed', (rowPath) => {
    const lines = FUZHOU.split('\n')
    const labelOf: Record<string, string> = {
      newReceived: '一、本年新收',
      carriedOver: '二、上年结转',
      'results.disclosed': '(一)予以公开',
      'results.partiallyDisclosed': '(二)部分公开',
      'results.withheld.stateSecret': '1.属于国家秘密',
      'results.withheld.prohibitedByLaw': '2.其他法律行政法规禁止公开',
      'results.withheld.securityStability': '3.危及',
      'results.withheld.thirdPartyRights': '4.保护第三方',
      'results.withheld.internalAffairs': '5.属于三类内部事务',
      'results.withheld.processInformation': '6.属于四类过程性',
      'results.withheld.enforcementFiles': '7.属于行政执法案卷',
      'results.withheld.administrativeQuery': '8.属于行政查询',
      'results.unableToProvide.notHeld': '1.本机关不掌握',
      'results.unableToProvide.needsCreation': '2.没有现成信息',
      'results.unableToProvide.unclearAfterSupplement': '3.补正后',
      'results.notProcessed.petitionOrComplaint': '1.信访举报投诉',
      'results.notProcessed.duplicate': '2.重复申请',
      'results.notProcessed.publication': '3.要求提供公开出版物',
      'results.notProcessed.excessiveRepeated': '4.无正当理由',
      'results.notProcessed.confirmOrReissue': '5.要求行政机关确认',
      'results.other.other': '(六)其他处理',
      'results.total': '(七)总计',
      carriedForward: '四、结转下年度',
    }
    const start = lines.findIndex((l, i) => i > FUZHOU_TABLES[0] && l.startsWith(labelOf[rowPath]!))
    expect(start).toBeGreaterThan(0)
    let end = start + 1
    while (isNumberLine(lines[end]!) || lines[end]!.trim() === '||') end++
    const r = auditReport([...lines.slice(0, start), ...lines.slice(end)].join('\n'))
    const { nulls } = expectNoSilentWrongNumber(r, fuzhouHand)
    expect(nulls).toEqual([0, 1, 2, 3, 4, 5, 6].map((c) => `${rowPath}[${c}]`))
    expect(r.findings.filter((f) => f.rule === 'parse.rowMissing').map((f) => f.row)).toEqual([rowPath])
  })

  it('衢州 with any one item left out (its name and value, or its value alone): never another item’s number', () => {
    const lines = QUZHOU.split('\n')
    const absent = (r: ParsedReport) => [...quzhouHand.legacy.keys()].filter((k) => r.legacy?.[k] === undefined)
    let items = 0
    for (let i = QUZHOU_TABLE[0] + 1; i < QUZHOU_TABLE[1]; i++) {
      if (!isNumberLine(lines[i]!)) continue
      let name = i - 1
      while (lines[name]!.trim() === '') name--
      const withoutItem = auditReport([...lines.slice(0, name), ...lines.slice(i + 1)].join('\n'))
      const withoutValue = auditReport([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'))
      for (const r of [withoutItem, withoutValue]) {
        const { wrong, nulls } = compareWithTranscription(r, quzhouHand)
        // an item not read is absent; none holds a number the table does not give it
        expect(
          wrong.filter((w) => w.actual !== undefined),
          `line ${i + 1}`,
        ).toEqual([])
        expect(nulls, `line ${i + 1}`).toEqual([])
      }
      // only the item left out is lost; a heading (申请类型数, 行政复议情况, 行政诉讼情况) takes with it the
      // items known only under it (1.财政预决算 …, (一)维持具体行政行为数 …)
      const lost = absent(withoutItem)
      const heading = lost.find((k) => ['types.total', 'review.total', 'lawsuit.total'].includes(k))
      if (heading) expect(lost.filter((k) => !k.startsWith(heading.split('.')[0]!))).toEqual([])
      else expect(lost.length, `line ${i + 1}`).toBe(1)
      expect(absent(withoutValue).length, `line ${i + 1}`).toBeGreaterThanOrEqual(1)
      items++
    }
    expect(items).toBe(quzhouHand.legacy.size)
  })

  it('衢州 without an item: the item is absent, every other item as printed', () => {
    const r = auditReport(QUZHOU.replace('3.网络申请数\n\n10\n', ''))
    expect(r.legacy?.['applications.online']).toBeUndefined()
    const truth = readTranscription(path.join(fixtures, 'seeds/000_ff4240299ce9dbe2.legacy.txt'))
    truth.legacy.delete('applications.online')
    expectNoSilentWrongNumber(r, truth)
  })
})

describe('same table, different page shapes', () => {
  const same = (text: string, hand: Transcription, findings: string[]) => {
    const r = auditReport(text)
    const { nulls } = expectNoSilentWrongNumber(r, hand)
    expect(nulls).toEqual([])
    expect(r.findings.map((f) => f.rule)).toEqual(findings)
  }
  const QUZHOU_FINDINGS = ['legacy.proactiveByCategory', 'legacy.staff']

  it('separators doubled', () => {
    same(FUZHOU.replace(/\|/g, '||'), fuzhouHand, [])
    same(QUZHOU.replace(/\n/g, '\n\n'), quzhouHand, QUZHOU_FINDINGS)
  })

  it('digits made full-width', () => {
    const wide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    same(wide(FUZHOU), fuzhouHand, [])
    same(wide(QUZHOU), quzhouHand, QUZHOU_FINDINGS)
  })

  it('line breaks inside labels', () => {
    const split = (l: string) => {
      const body = l.replace(/\s*\|\s*$/, '')
      if (isNumberLine(l) || body.length < 4) return l
      const mid = Math.floor(body.length / 2)
      return `${body.slice(0, mid)}\n${body.slice(mid)}${l.slice(body.length)}`
    }
    same(mapLines(FUZHOU, FUZHOU_TABLES, split), fuzhouHand, [])
    same(mapLines(QUZHOU, QUZHOU_TABLE, split), quzhouHand, QUZHOU_FINDINGS)
  })

  it('spaces and full-width brackets inside labels, cells of a row on one line (PDF layout)', () => {
    const lines = FUZHOU.split('\n')
    const out: string[] = []
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!
      if (i > FUZHOU_TABLES[0] && i < FUZHOU_TABLES[1] && isNumberLine(l)) {
        out[out.length - 1] += '  ' + l.replace(/\D/g, '')
      } else out.push(l.replace(/\(/g, '（').replace(/\)/g, '）').replace(/申请/g, '申 请'))
    }
    same(out.join('\n'), fuzhouHand, [])
  })
})

describe('cells lost between the page and the text', () => {
  it('consecutive identical cells collapsed (as the Putian archive extractor does): right numbers or null with parse.*', () => {
    const lines = FUZHOU.split('\n')
    const out: string[] = []
    let prev: string | undefined
    lines.forEach((l, i) => {
      const inTable = i > FUZHOU_TABLES[0] && i < FUZHOU_TABLES[1]
      if (inTable && l.trim() === '||') return
      if (inTable && isNumberLine(l) && prev !== undefined && isNumberLine(prev) && prev.trim() === l.trim()) return
      out.push(l)
      prev = l
    })
    const r = auditReport(out.join('\n'))
    const { nulls } = expectNoSilentWrongNumber(r, fuzhouHand)
    // every all-zero row and every row like "4 0 4" reads back exactly: the row sums fix them
    expect(nulls.filter((n) => !n.startsWith('reviews'))).toEqual([])
  })

  it('a page that prints equal neighbours ("0 0") lost a cell some other way: a short row is null, never read as collapsed', () => {
    // 表二 "其他对外管理服务事项 7 0 116" without its 7: read as collapsed, "0 116" would give 0 for the 7
    const text = FUZHOU.replace('其他对外管理服务事项 |\n7 |\n0 |\n116 |', '其他对外管理服务事项 |\n0 |\n116 |')
    expect(text).not.toBe(FUZHOU)
    const r = auditReport(text)
    expect(r.proactive?.art20_5?.otherServices).toEqual({ previousYear: null, change: null, decisions: null })
    expect(r.findings.map((f) => [f.rule, f.row])).toContainEqual([
      'parse.ambiguousCells',
      'proactive.art20_5.otherServices',
    ])
    const truth = readTranscription(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.tables.txt'))
    truth.proactive.delete('art20_5.otherServices')
    expectNoSilentWrongNumber(r, truth)
  })

  it('a row run together ("480000149" for 48 0 0 0 0 1 49): the one split that fits its sums', () => {
    const lines = FUZHOU.split('\n')
    const start = lines.findIndex((l) => l.startsWith('一、本年新收'))
    const text = [...lines.slice(0, start + 1), '480000149', ...lines.slice(start + 9)].join('\n')
    const r = auditReport(text)
    expectNoSilentWrongNumber(r, fuzhouHand)
  })

  it('the issue example "640020470" is 64 0 0 2 0 4 70', () => {
    const lines = FUZHOU.split('\n')
    const start = lines.findIndex((l) => l.startsWith('一、本年新收'))
    const text = [...lines.slice(0, start + 1), '640020470', ...lines.slice(start + 9)].join('\n')
    const r = auditReport(text)
    expect(r.applications?.newReceived).toEqual([64, 0, 0, 2, 0, 4, 70])
    // and the table now breaks its balance, which the checker says
    expect(r.findings.map((f) => f.rule)).toContain('applications.balance')
  })
})
