import { describe, expect, it } from 'vitest'
import { draftNarrative } from '../../../src/domain/report/narrative.js'
import { publicationBlockers } from '../../../src/domain/report/readiness.js'
import type { AnnualReport } from '../../../src/domain/report/model.js'
import { naturalPersonCounts, reportOf } from './reportFacts.js'

// 《政府信息公开条例》第五十条 and 国办公开办函〔2021〕30号 (no part left out): what stands between a report and its
// publication (docs/decisions/0014-report-fit-to-publish.md).

const tables = reportOf('2021', naturalPersonCounts({ received: 1, answered: { disclosed: 1 } }))
const written = {
  overview: '主动公开政府信息16条；依申请公开1件；政府信息管理规范；平台建设有序；监督保障到位。',
  problems: '公开内容比较单一，下一步扩大公开范围。',
  other: '暂无其他需要报告的事项。',
}
const withNarrative = (narrative: AnnualReport['narrative']): AnnualReport => ({ ...tables, narrative })

describe('a report fit to publish', () => {
  it('has every section written, 一 speaking of its five parts, and a clean check', () => {
    expect(publicationBlockers(withNarrative(written))).toEqual([])
  })

  it('is not the draft as generated: its placeholders are named', () => {
    const blockers = publicationBlockers(withNarrative(draftNarrative(tables)))
    expect(blockers.map((b) => [b.rule, b.field])).toEqual([
      ['publish.placeholder', 'overview'],
      ['publish.placeholder', 'problems'],
    ])
    expect(blockers[1]?.message).toBe(
      '“五、存在的主要问题及改进情况”还有2处待填写内容未替换：【待填写：本年度政府信息公开工作存在的主要问题】【待填写：改进情况和下一步工作措施】',
    )
  })

  it('has no empty section: an empty 五 is named', () => {
    const blockers = publicationBlockers(withNarrative({ ...written, problems: '  ' }))
    expect(blockers).toEqual([
      { rule: 'publish.sectionEmpty', field: 'problems', message: '“五、存在的主要问题及改进情况”未填写' },
    ])
  })

  it('has a 一 that speaks of each part: each missing part is named', () => {
    const blockers = publicationBlockers(withNarrative({ ...written, overview: '全年收到政府信息公开申请1件。' }))
    expect(blockers.map((b) => b.message.split('（')[0])).toEqual([
      '“一、总体情况”未写主动公开情况',
      '“一、总体情况”未写政府信息管理情况',
      '“一、总体情况”未写政府信息公开平台建设情况',
      '“一、总体情况”未写监督保障情况',
    ])
  })

  it('passes its 勾稽关系 check', () => {
    const broken = withNarrative(written)
    broken.findings = [{ rule: 'applications.balance', message: '总计列：相差1' }]
    expect(publicationBlockers(broken)).toEqual([
      { rule: 'publish.check', field: 'findings', message: '勾稽关系检查发现1个问题：总计列：相差1' },
    ])
  })
})
