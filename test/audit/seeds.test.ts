import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'
import { compareWithTranscription, fixtures, readTranscription } from './support.js'

const seed = (name: string) => readFileSync(path.join(fixtures, 'seeds', name), 'utf8')

describe('the 衢州 seed (legacy 统计表, one cell per line)', () => {
  const report = auditReport(seed('000_ff4240299ce9dbe2.txt'))
  const hand = readTranscription(path.join(fixtures, 'seeds/000_ff4240299ce9dbe2.legacy.txt'))

  it('is read as the legacy 统计表 of 衢州市住房和城乡建设局 for 2020', () => {
    expect(report.format).toBe('legacy')
    expect(report.year).toBe(2020)
    expect(report.agency.name).toBe('衢州市住房和城乡建设局')
  })

  it('every item equals the hand transcription', () => {
    const { wrong, nulls, cells } = compareWithTranscription(report, hand)
    expect(wrong).toEqual([])
    expect(nulls).toEqual([])
    expect(cells).toBe(hand.legacy.size)
    expect(Object.keys(report.legacy!).sort()).toEqual([...hand.legacy.keys()].sort())
  })

  it('its findings are exactly the two sums the published table breaks', () => {
    // 主动公开 1072 but 按信息类别分 10 + 35 = 45; 工作人员 1 but 专职 0 + 兼职 2 = 2
    expect(report.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([
      ['legacy.proactiveByCategory', 1072, 45],
      ['legacy.staff', 1, 2],
    ])
  })
})

describe('the 福州 seed (2019 format, cells flattened with |)', () => {
  const report = auditReport(seed('001_6cd2a124bf8ccbf4.txt'))
  const hand = readTranscription(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.tables.txt'))

  it('is read as the 2019 format of 福州市住房保障和房产管理局 for 2020', () => {
    expect(report.format).toBe('2019')
    expect(report.year).toBe(2020)
    expect(report.agency.name).toBe('福州市住房保障和房产管理局')
  })

  it('every cell of tables 三 and 四 equals the hand transcription', () => {
    const { wrong, nulls, cells } = compareWithTranscription(report, hand)
    expect(wrong).toEqual([])
    expect(nulls).toEqual([])
    expect(cells).toBe(23 * 7 + 15 + 22) // tables 三, 四 and 二
  })

  it('states 49 applications in its text, as its table shows, and has no finding', () => {
    expect(report.stated?.received).toBe(49)
    expect(report.findings).toEqual([])
  })
})
