import { expect, it } from 'vitest'
import { naturalPersonCounts, reportOf } from './reportFacts.js'

// 《政府信息公开条例》第三十三条：an answer within the deadline in force (extended included) is on time. The 统计表's
// 按时办结 = 办结 − answers after the deadline (the stored answered_late); 延期办结 = those late answers, so that
// 办结 = 按时 + 延期 still holds (docs/decisions/0016-legacy-on-time.md).
it('counts a late answer as 延期办结, never as 按时办结, and an extended answer in time as 按时办结', () => {
  // 5 answered: 2 after an extension (one of them late anyway), 1 late without extension, 2 plain on time
  const model = reportOf(
    'legacy',
    naturalPersonCounts({ received: 5, answered: { disclosed: 5 }, extended: 2, late: 2 }),
  )
  const l = model.legacy ?? {}
  expect([l['applications.completed'], l['applications.onTime'], l['applications.extended']]).toEqual([5, 3, 2])
  expect(model.findings.filter((f) => f.rule === 'legacy.completed')).toEqual([])
})

it('counts every answer on time when none was late, however many were extended', () => {
  const model = reportOf(
    'legacy',
    naturalPersonCounts({ received: 4, answered: { disclosed: 4 }, extended: 3, late: 0 }),
  )
  expect(model.legacy?.['applications.onTime']).toBe(4)
  expect(model.legacy?.['applications.extended']).toBe(0)
})
