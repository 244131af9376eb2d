import type { AgencyKind } from './agencyKind.js'

/** An agency as the review-body rule sees it: its name and kind. */
export interface KindedAgency {
  name: string
  kind: AgencyKind
}

/** The review body of an agency's acts and the article that makes it so; `body` null when the hierarchy lacks it. */
export interface ReviewBody {
  body: string | null
  article: string
  /** what an administrator must set when `body` is null */
  missing?: string
}

const LAW = '《中华人民共和国行政复议法》'
const isGovernment = (a: KindedAgency) => a.kind === 'provincialGovernment' || a.kind === 'localGovernment'

/**
 * Who reviews the acts of `agency` (行政复议法 2023 第二十四至二十八条), from its kind and its ancestors (parent first).
 * docs/decisions/0010-review-body.md
 */
export function reviewBodyOf(agency: KindedAgency, ancestors: readonly KindedAgency[]): ReviewBody {
  const parent = ancestors[0]
  const government = ancestors.find(isGovernment)
  switch (agency.kind) {
    // 第二十四条第二款：省、自治区、直辖市人民政府同时管辖对本机关作出的行政行为不服的行政复议案件
    case 'provincialGovernment':
      return { body: agency.name, article: `${LAW}第二十四条第二款` }
    // 第二十五条第（一）项：国务院部门管辖对本部门作出的行政行为不服的行政复议案件
    case 'stateCouncilDepartment':
      return { body: agency.name, article: `${LAW}第二十五条第（一）项` }
    // 第二十四条第一款第（二）项：对下一级人民政府作出的行政行为不服的，由上一级人民政府管辖
    case 'localGovernment':
      return parent && isGovernment(parent)
        ? { body: parent.name, article: `${LAW}第二十四条第一款第（二）项` }
        : { body: null, article: `${LAW}第二十四条第一款第（二）项`, missing: '请将上一级人民政府设为上级机关' }
    // 第二十四条第一款第（一）项：对本级人民政府工作部门作出的行政行为不服的，由本级人民政府管辖
    case 'department':
      return parent && isGovernment(parent)
        ? { body: parent.name, article: `${LAW}第二十四条第一款第（一）项` }
        : { body: null, article: `${LAW}第二十四条第一款第（一）项`, missing: '请将本级人民政府设为上级机关' }
    // 第二十八条：对司法行政部门的行政行为不服的，可以向本级人民政府申请，也可以向上一级司法行政部门申请（默认前者）
    case 'justiceDepartment':
      return parent && isGovernment(parent)
        ? { body: parent.name, article: `${LAW}第二十八条` }
        : { body: null, article: `${LAW}第二十八条`, missing: '请将本级人民政府设为上级机关' }
    // 第二十七条：对海关、金融、外汇管理等实行垂直领导的行政机关、税务和国家安全机关的行政行为不服的，向上一级主管部门申请
    case 'vertical':
      return parent
        ? { body: parent.name, article: `${LAW}第二十七条` }
        : { body: null, article: `${LAW}第二十七条`, missing: '请将上一级主管部门设为上级机关' }
    // 第二十四条第一款第（三）（四）项、第四款；第二十五条第（二）（三）项：设立或管理它的人民政府或国务院部门
    case 'dispatched': {
      const owner = ancestors.find((a) => isGovernment(a) || a.kind === 'stateCouncilDepartment')
      if (owner?.kind === 'stateCouncilDepartment')
        return { body: owner.name, article: `${LAW}第二十五条第（二）项、第（三）项` }
      return owner && government
        ? { body: government.name, article: `${LAW}第二十四条第一款第（三）项、第（四）项、第四款` }
        : {
            body: null,
            article: `${LAW}第二十四条第一款第（三）项、第（四）项、第四款`,
            missing: '请将设立或管理它的机关设为上级机关',
          }
    }
  }
}
