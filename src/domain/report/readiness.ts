import { SECTION_TITLES } from './formats/table3.js'
import type { AnnualReport } from './model.js'
import { missingOverviewParts, placeholdersIn } from './overviewParts.js'

/** Why a report is not fit to publish yet: a rule id, the field at fault, and what to do, in Chinese. */
export interface PublicationBlocker {
  rule: 'publish.sectionEmpty' | 'publish.placeholder' | 'publish.overviewPart' | 'publish.check'
  field: string
  message: string
}

const SECTIONS = ['overview', 'problems', 'other'] as const

// 《政府信息公开条例》第五十条（年度报告应当包括的内容）；国办公开办函〔2021〕30号（严格按第五十条，不得缺项）
// docs/decisions/0014-report-fit-to-publish.md
/**
 * What stands between a report and its publication: a section 一、五、六 empty or still holding a placeholder of
 * the draft, a part of 一、总体情况 it does not speak of, and findings of the 勾稽关系 check. Empty = fit to publish.
 * @example publicationBlockers({ ...model, narrative: { overview: '…', problems: '', other: '无' } })[0].field // 'problems'
 */
export function publicationBlockers(model: AnnualReport): PublicationBlocker[] {
  const out: PublicationBlocker[] = []
  for (const key of SECTIONS) {
    const text = (model.narrative?.[key] ?? '').trim()
    const title = SECTION_TITLES[key]
    if (!text) {
      out.push({ rule: 'publish.sectionEmpty', field: key, message: `“${title}”未填写` })
      continue
    }
    const left = placeholdersIn(text)
    if (left.length)
      out.push({
        rule: 'publish.placeholder',
        field: key,
        message: `“${title}”还有${left.length}处待填写内容未替换：${left.join('')}`,
      })
    if (key === 'overview')
      for (const part of missingOverviewParts(text))
        out.push({
          rule: 'publish.overviewPart',
          field: key,
          message: `“${title}”未写${part.heading.replace(/^（.）/, '')}情况（年度报告格式要求总体情况包括主动公开、依申请公开、政府信息管理、平台建设、监督保障）`,
        })
  }
  if (model.findings.length)
    out.push({
      rule: 'publish.check',
      field: 'findings',
      message: `勾稽关系检查发现${model.findings.length}个问题：${model.findings.map((f) => f.message).join('；')}`,
    })
  return out
}
