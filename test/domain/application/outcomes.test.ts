import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { deriveOutcome } from '../../../src/domain/application/outcome.js'
import type { ItemResult, OutcomeCode } from '../../../src/domain/application/outcomes.js'
import { TABLE3_ROWS_2019, TABLE3_ROWS_2021 } from '../../../src/domain/report/formats/table3.js'
import {
  ANSWER_KINDS,
  isItemResult,
  OUTCOME_CODES,
  OUTCOMES,
  outcomeLabel,
  outcomeRow2019,
  reportedOutcomeOf,
} from '../../../src/domain/application/outcomes.js'

// docs/decisions/0003-outcome-precedence.md: one reportable outcome per answer
describe('the reportable outcome of an answer covering several items', () => {
  const rows: [ItemResult[], OutcomeCode, string][] = [
    [['disclosed'], 'disclosed', 'one item disclosed'],
    [
      ['disclosed', 'disclosed', 'alreadyPublic'],
      'disclosed',
      'rule 2: every item disclosed (已主动公开 counts as disclosed)',
    ],
    [['partiallyDisclosed'], 'partiallyDisclosed', 'rule 1: an item 部分公开'],
    [
      ['unableToProvide.notHeld', 'unableToProvide.notHeld', 'unableToProvide.notHeld', 'partiallyDisclosed'],
      'partiallyDisclosed',
      'rule 1: any item 部分公开 wins even as the minority',
    ],
    [['disclosed', 'withheld.thirdPartyRights'], 'partiallyDisclosed', 'rule 1: disclosed together with withheld'],
    [
      ['alreadyPublic', 'withheld.processInformation'],
      'partiallyDisclosed',
      'rule 1: 已主动公开 maps to disclosed first',
    ],
    [
      ['disclosed', 'disclosed', 'disclosed', 'withheld.stateSecret'],
      'partiallyDisclosed',
      'rule 1 before any majority',
    ],
    [
      ['unableToProvide.notHeld', 'unableToProvide.notHeld', 'disclosed'],
      'unableToProvide.notHeld',
      'rule 3: the largest group, nothing withheld',
    ],
    [['disclosed', 'unableToProvide.notHeld'], 'disclosed', 'rule 3 tie: 予以公开 is printed first'],
    [
      ['notProcessed.duplicate', 'unableToProvide.needsCreation'],
      'unableToProvide.needsCreation',
      'rule 3 tie: （四） is printed before （五）',
    ],
    [
      ['withheld.processInformation', 'withheld.stateSecret'],
      'withheld.stateSecret',
      'rule 3 tie: （三）1 before （三）6',
    ],
    [
      ['withheld.internalAffairs', 'withheld.internalAffairs', 'withheld.stateSecret'],
      'withheld.internalAffairs',
      'rule 3: the larger group beats the earlier row',
    ],
    [
      ['withheld.stateSecret', 'unableToProvide.notHeld'],
      'withheld.stateSecret',
      'rule 3 tie: withheld with nothing disclosed is not 部分公开',
    ],
    [
      ['notThisAgency', 'unableToProvide.notHeld'],
      'unableToProvide.notHeld',
      '不属于本机关 maps to 本机关不掌握, then one group',
    ],
    [['specialLaw', 'other.other', 'disclosed'], 'other.other', '特别规定 maps to 其他处理·其他, the larger group'],
  ]
  it.each(rows)('%j → %s (%s)', (results, outcome) => {
    expect(deriveOutcome(results)).toBe(outcome)
  })

  it('the order of the items does not matter', () => {
    expect(deriveOutcome(['unableToProvide.notHeld', 'disclosed'])).toBe(
      deriveOutcome(['disclosed', 'unableToProvide.notHeld']),
    )
    expect(deriveOutcome(['withheld.stateSecret', 'disclosed'])).toBe('partiallyDisclosed')
  })

  it('an answer with no items has no outcome', () => {
    expect(() => deriveOutcome([])).toThrow()
  })

  it('an agency may configure where an Art. 36 kind is reported', () => {
    expect(deriveOutcome(['notThisAgency'], { notThisAgency: 'other.other' })).toBe('other.other')
    expect(deriveOutcome(['notThisAgency'])).toBe('unableToProvide.notHeld')
  })
})

describe('Art. 36 answer kinds without a row of their own (law-and-formats.md §0)', () => {
  it('已主动公开 (第三十六条第一项) is reported as 予以公开', () => {
    expect(reportedOutcomeOf('alreadyPublic')).toBe('disclosed')
  })
  it('不属于本机关 (第三十六条第五项) is reported as 本机关不掌握相关政府信息', () => {
    expect(reportedOutcomeOf('notThisAgency')).toBe('unableToProvide.notHeld')
  })
  it('工商、不动产登记资料等特别规定 (第三十六条第七项) is reported as 其他处理 · 其他', () => {
    expect(reportedOutcomeOf('specialLaw')).toBe('other.other')
  })
  it('a reportable outcome is reported as itself, whatever the mapping', () => {
    for (const code of OUTCOME_CODES) expect(reportedOutcomeOf(code, { alreadyPublic: 'other.other' })).toBe(code)
  })
  it('answer kinds and outcomes are item results; anything else is not', () => {
    for (const k of ANSWER_KINDS) expect(isItemResult(k.code)).toBe(true)
    expect(isItemResult('withheld.stateSecret')).toBe(true)
    expect(isItemResult('予以公开')).toBe(false)
  })
})

describe('the 2021 taxonomy and its 2019 rows', () => {
  it('has 21 outcomes: 予以公开, 部分公开, 不予公开 ×8, 无法提供 ×3, 不予处理 ×5, 其他处理 ×3', () => {
    const byGroup = new Map<string, number>()
    for (const o of OUTCOMES) byGroup.set(o.group, (byGroup.get(o.group) ?? 0) + 1)
    expect(Object.fromEntries(byGroup)).toEqual({
      '（一）予以公开': 1,
      '（二）部分公开': 1,
      '（三）不予公开': 8,
      '（四）无法提供': 3,
      '（五）不予处理': 5,
      '（六）其他处理': 3,
    })
  })

  it('the 2019 format has a single 其他处理 row: the three 2021 sub-rows land in it', () => {
    expect(outcomeRow2019('other.noSupplement')).toBe('other.other')
    expect(outcomeRow2019('other.unpaidFee')).toBe('other.other')
    expect(outcomeRow2019('other.other')).toBe('other.other')
  })

  it('every other outcome keeps its own row in 2019: 19 rows in all', () => {
    for (const code of OUTCOME_CODES.filter((c) => !c.startsWith('other.'))) expect(outcomeRow2019(code)).toBe(code)
    expect(new Set(OUTCOME_CODES.map(outcomeRow2019)).size).toBe(19)
  })

  it('each outcome lands on a row of the report tables: its own in 2021, its 2019 row in 2019', () => {
    const paths = (rows: readonly { path: string }[]) => new Set(rows.map((r) => r.path))
    const rows2019 = paths(TABLE3_ROWS_2019)
    const rows2021 = paths(TABLE3_ROWS_2021)
    for (const code of OUTCOME_CODES) {
      expect(rows2021.has(`results.${code}`), code).toBe(true)
      expect(rows2019.has(`results.${outcomeRow2019(code)}`), code).toBe(true)
    }
  })

  const spec = fileURLToPath(new URL('../../../../shared/spec/law-and-formats.md', import.meta.url))
  it.skipIf(!existsSync(spec))(
    'every label is printed in the table rows of law-and-formats.md §2.2, in the same order (skipped when ../shared is absent)',
    () => {
      const text = readFileSync(spec, 'utf8')
      const section = text.slice(text.indexOf('### 2.2'), text.indexOf('### 2.3'))
      let from = 0
      for (const o of OUTCOMES) {
        const at = section.indexOf(o.label, from)
        expect(at, `「${o.label}」 after position ${from}`).toBeGreaterThan(-1)
        from = at + o.label.length
      }
      expect(outcomeLabel('other.noSupplement')).toBe('申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')
    },
  )
})
