import { describe, expect, it } from 'vitest'
import { subtreeOf } from '../../src/domain/supervision/hierarchy.js'
import { lastClosedQuarter, periodOf, previousPeriod } from '../../src/domain/supervision/period.js'
import { DEFAULT_WEIGHTS, supervisionScore } from '../../src/domain/supervision/score.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'

const TREE = [
  { id: 1, parentId: null }, // 市政府
  { id: 2, parentId: 1 }, // 市局
  { id: 3, parentId: 1 }, // 区政府
  { id: 4, parentId: 3 }, // 区局
  { id: 5, parentId: null }, // another city
]

describe('the hierarchy', () => {
  it('a subtree is the root, then each agency before its children', () => {
    expect(subtreeOf(1, TREE).map((a) => a.id)).toEqual([1, 2, 3, 4])
    expect(subtreeOf(3, TREE).map((a) => a.id)).toEqual([3, 4])
  })
  it('a cycle in the parent links does not loop', () => {
    expect(
      subtreeOf(1, [
        { id: 1, parentId: 2 },
        { id: 2, parentId: 1 },
      ]).map((a) => a.id),
    ).toEqual([1, 2])
  })
})

describe('periods', () => {
  it('the quarter before Q1 is last year’s Q4', () => {
    expect(previousPeriod(periodOf(2026, 1))).toEqual(periodOf(2025, 4))
    expect(periodOf(2025, 4)).toMatchObject({ from: '2025-10-01', to: '2025-12-31' })
  })
  it('a 通报 in January speaks of last year’s fourth quarter', () => {
    expect(lastClosedQuarter('2026-01-20' as CalendarDay)).toEqual(periodOf(2025, 4))
  })
})

describe('the score', () => {
  const none = { answered: 0, late: 0, overdueNow: 0, decided: 0, corrected: 0, proactive: 0 }
  it('an agency with nothing to measure has no score (it does not rank first)', () => {
    expect(supervisionScore(none, 0, DEFAULT_WEIGHTS)).toBeNull()
  })
  it('all on time, nothing overdue, nothing corrected, the most published: 100', () => {
    expect(supervisionScore({ ...none, answered: 10, decided: 1, proactive: 5 }, 5, DEFAULT_WEIGHTS)).toBe(100)
  })
  it('weights the parts as the supervisor sets them', () => {
    const half = { ...none, answered: 10, late: 5 }
    // only 按时 and 无超期 apply: 40 × 0.5 + 30 × 1 over 70
    expect(supervisionScore(half, 0, DEFAULT_WEIGHTS)).toBe(71.4)
    expect(supervisionScore(half, 0, { ...DEFAULT_WEIGHTS, notOverdue: 0 })).toBe(50)
  })
})
