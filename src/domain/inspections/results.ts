// 抽查结果 as 国家“双随机、一公开”监管工作平台 records them (检查结果分类).
export const INSPECTION_OUTCOMES = [
  { code: 'noProblem', label: '未发现问题' },
  { code: 'corrected', label: '发现问题，已责令整改' },
  { code: 'penalized', label: '发现问题，已立案查处' },
  { code: 'notFound', label: '未找到检查对象' },
] as const

export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number]['code']

export const INSPECTION_OUTCOME_CODES = INSPECTION_OUTCOMES.map((o) => o.code) as [
  InspectionOutcome,
  ...InspectionOutcome[],
]

export function inspectionOutcomeLabel(code: string): string {
  return INSPECTION_OUTCOMES.find((o) => o.code === code)?.label ?? code
}
