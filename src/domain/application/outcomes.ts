// 《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三「本年度办理结果」:
// the national taxonomy of reportable outcomes, one per answered application.

export const OUTCOMES = [
  { code: 'disclosed', group: '（一）予以公开', label: '予以公开' },
  { code: 'partiallyDisclosed', group: '（二）部分公开', label: '部分公开' },
  { code: 'withheld.stateSecret', group: '（三）不予公开', label: '属于国家秘密' },
  { code: 'withheld.prohibitedByLaw', group: '（三）不予公开', label: '其他法律行政法规禁止公开' },
  { code: 'withheld.securityStability', group: '（三）不予公开', label: '危及“三安全一稳定”' },
  { code: 'withheld.thirdPartyRights', group: '（三）不予公开', label: '保护第三方合法权益' },
  { code: 'withheld.internalAffairs', group: '（三）不予公开', label: '属于三类内部事务信息' },
  { code: 'withheld.processInformation', group: '（三）不予公开', label: '属于四类过程性信息' },
  { code: 'withheld.enforcementFiles', group: '（三）不予公开', label: '属于行政执法案卷' },
  { code: 'withheld.administrativeQuery', group: '（三）不予公开', label: '属于行政查询事项' },
  { code: 'unableToProvide.notHeld', group: '（四）无法提供', label: '本机关不掌握相关政府信息' },
  { code: 'unableToProvide.needsCreation', group: '（四）无法提供', label: '没有现成信息需要另行制作' },
  { code: 'unableToProvide.unclearAfterSupplement', group: '（四）无法提供', label: '补正后申请内容仍不明确' },
  { code: 'notProcessed.petitionOrComplaint', group: '（五）不予处理', label: '信访举报投诉类申请' },
  { code: 'notProcessed.duplicate', group: '（五）不予处理', label: '重复申请' },
  { code: 'notProcessed.publication', group: '（五）不予处理', label: '要求提供公开出版物' },
  { code: 'notProcessed.excessiveRepeated', group: '（五）不予处理', label: '无正当理由大量反复申请' },
  { code: 'notProcessed.confirmOrReissue', group: '（五）不予处理', label: '要求行政机关确认或重新出具已获取信息' },
  {
    code: 'other.noSupplement',
    group: '（六）其他处理',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    code: 'other.unpaidFee',
    group: '（六）其他处理',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { code: 'other.other', group: '（六）其他处理', label: '其他' },
] as const

export type OutcomeCode = (typeof OUTCOMES)[number]['code']

export const OUTCOME_CODES: readonly OutcomeCode[] = OUTCOMES.map((o) => o.code)

export function isOutcomeCode(s: string): s is OutcomeCode {
  return (OUTCOME_CODES as readonly string[]).includes(s)
}

export function outcomeLabel(code: OutcomeCode): string {
  const o = OUTCOMES.find((x) => x.code === code)
  return o ? o.label : code
}

/**
 * 2019 format (国办公开办函〔2019〕60号): the same rows, except that （六）其他处理 is a single row.
 * Returns the 2019 row key under `results` of the report model: every other.* outcome lands in the one
 * （六） row, kept at `other.other` (report-model.md: "the 2019 format has one row: put it in other").
 */
export function outcomeRow2019(code: OutcomeCode): string {
  return code.startsWith('other.') ? 'other.other' : code
}

/**
 * Answer kinds of Art. 36 that have no row of their own, and the row they are reported in
 * (spec/README.md "answer kinds with no row of their own"; law-and-formats.md §0). One table, configurable.
 */
export const ANSWER_KINDS = [
  { code: 'alreadyPublic', label: '已主动公开（第三十六条第一项）', reportedAs: 'disclosed' },
  { code: 'notThisAgency', label: '不属于本机关公开职责（第三十六条第五项）', reportedAs: 'unableToProvide.notHeld' },
  { code: 'specialLaw', label: '工商、不动产登记资料等特别规定（第三十六条第七项）', reportedAs: 'other.other' },
] as const satisfies readonly { code: string; label: string; reportedAs: OutcomeCode }[]

export type ExtraAnswerKind = (typeof ANSWER_KINDS)[number]['code']

/** What one requested item was answered with: a reportable outcome, or an Art. 36 kind mapped onto one. */
export type ItemResult = OutcomeCode | ExtraAnswerKind

export function reportedOutcomeOf(
  result: ItemResult,
  mapping: Partial<Record<ExtraAnswerKind, OutcomeCode>> = {},
): OutcomeCode {
  if (isOutcomeCode(result)) return result
  const configured = mapping[result]
  if (configured) return configured
  const row = ANSWER_KINDS.find((k) => k.code === result)
  if (!row) throw new Error(`unknown answer kind ${result}`)
  return row.reportedAs
}

export function isItemResult(s: string): s is ItemResult {
  return isOutcomeCode(s) || ANSWER_KINDS.some((k) => k.code === s)
}
