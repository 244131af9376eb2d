import { describe, expect, it } from 'vitest'
import { draftNarrative } from '../../../src/domain/report/narrative.js'
import { missingOverviewParts, OVERVIEW_PARTS, placeholdersIn } from '../../../src/domain/report/overviewParts.js'
import { naturalPersonCounts, reportOf } from './reportFacts.js'

// 《政府信息公开条例》第五十条；国办公开办函〔2021〕30号：一、总体情况包括主动公开、依申请公开、政府信息管理、
// 政府信息公开平台建设、监督保障 — the draft writes a paragraph for each, from records where records exist.

const model = reportOf('2021', naturalPersonCounts({ received: 3, answered: { disclosed: 2, partiallyDisclosed: 1 } }))

describe('the generated draft of 一、总体情况', () => {
  it('has a paragraph for each of the five parts the format requires, in order', () => {
    const { overview } = draftNarrative(model)
    const at = OVERVIEW_PARTS.map((p) => overview.indexOf(p.heading))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(missingOverviewParts(overview)).toEqual([])
  })

  it('states from the records what the records hold: applications and reviews', () => {
    const { overview } = draftNarrative(model)
    expect(overview).toContain('2025年共收到政府信息公开申请3件；办结3件')
    expect(overview).toContain('予以公开2件，部分公开1件')
    expect(overview).toContain('全年未发生因政府信息公开引起的行政复议、行政诉讼。')
  })

  it('states what the catalog published in the year and through which platforms', () => {
    const catalog = { 'proactive.total': 16, 'proactive.policyDocs': 3, 'proactive.portal': 12, 'proactive.wechat': 4 }
    const { overview } = draftNarrative(model, { catalog })
    expect(overview).toContain('2025年主动公开政府信息16条，其中政策文件3条')
    expect(overview).toContain('本年度通过政府门户网站12条、政务微信4条发布政府信息')
  })

  it('leaves a marked placeholder where no record holds the part', () => {
    const { overview } = draftNarrative(model)
    expect(overview).toContain('【待填写：本年度主动公开政府信息的数量、重点领域和主要做法')
    expect(overview).toContain('【待填写：政府信息管理情况')
    expect(overview).toContain('【待填写：政府信息公开平台')
    expect(overview).toContain('【待填写：工作机构和人员、培训、监督检查和制度保障情况】')
  })

  it('states 表二 第二十条第（一）项 under 政府信息管理 where the figures are entered', () => {
    const entered = reportOf('2021', naturalPersonCounts({}), {
      'proactive.art20_1.normativeDocuments.issued': 2,
      'proactive.art20_1.normativeDocuments.inForce': 9,
    })
    expect(draftNarrative(entered).overview).toContain('行政规范性文件本年制发件数2件、现行有效件数9件')
  })

  it('states the 统计表 staff and training figures under 监督保障 where they are entered', () => {
    const legacy = reportOf('legacy', naturalPersonCounts({}), {
      'staff.people': 3,
      'staff.fullTime': 1,
      'staff.partTime': 2,
      'meetings.trainings': 1,
      'meetings.trainees': 20,
    })
    const { overview } = draftNarrative(legacy)
    expect(overview).toContain('从事政府信息公开工作人员3人（专职1人、兼职2人）')
    expect(overview).toContain('举办培训班1期，接受培训20人次')
  })

  // 《政府信息公开条例》第五十条第（四）项：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况
  it('asks a people’s government for 工作考核、社会评议和责任追究结果, and a department not', () => {
    expect(draftNarrative(model, { peoplesGovernment: true }).overview).toContain(
      '【待填写：工作考核、社会评议和责任追究结果情况】',
    )
    expect(draftNarrative(model).overview).not.toContain('责任追究')
  })
})

describe('the generated draft of 五、存在的主要问题及改进情况', () => {
  it('is never empty: it holds placeholders for the problems and the improvements', () => {
    const { problems } = draftNarrative(model)
    expect(placeholdersIn(problems)).toEqual([
      '【待填写：本年度政府信息公开工作存在的主要问题】',
      '【待填写：改进情况和下一步工作措施】',
    ])
  })
})
