import { z } from 'zod'
import { parsePeriodKey } from '../../domain/supervision/period.js'
import { DEFAULT_WEIGHTS } from '../../domain/supervision/score.js'
import { INTERACTION_FACTS } from '../../services/supervision/agencyInteraction.js'
import { isDrillFact } from '../../services/supervision/supervisedCases.js'
import { SORT_KEYS } from '../../services/supervision/supervisionOverview.js'
import { formBody, formText } from './formSchemas.js'

const periodKey = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || parsePeriodKey(v) !== null, '期间应为年度（如 2025）或季度（如 2025Q4）')

const weight = (fallback: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? fallback : v),
    z.coerce.number({ message: '权重应为数字' }).min(0, '权重不能为负数').max(100, '权重不超过100'),
  )

const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v),
  z.coerce.number({ message: '机关应为数字' }).int().positive().optional(),
)

/** The comparison: subtree root, period, sort, and the score's weights (decision 0042). */
export const overviewQuery = z.object({
  root: optionalId,
  period: periodKey,
  sort: z.enum(SORT_KEYS, { message: '排序方式无效' }).default('score'),
  wOnTime: weight(DEFAULT_WEIGHTS.onTime),
  wNotOverdue: weight(DEFAULT_WEIGHTS.notOverdue),
  wUpheld: weight(DEFAULT_WEIGHTS.upheld),
  wProactive: weight(DEFAULT_WEIGHTS.proactive),
})

/** The cases behind one figure. */
export const drillQuery = z.object({
  agency: z.coerce.number({ message: '机关应为数字' }).int().positive(),
  period: periodKey,
  fact: z.string().refine(isDrillFact, '统计项目无效'),
})

/** The letters, consultations or surveys behind one interaction figure. */
export const interactionDrillQuery = z.object({
  agency: z.coerce.number({ message: '机关应为数字' }).int().positive(),
  period: periodKey,
  fact: z.enum(INTERACTION_FACTS, { message: '统计项目无效' }),
})

export const collectionQuery = z.object({
  root: optionalId,
  year: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number({ message: '年度应为数字' }).int().min(2008, '年度不早于2008年').max(2100).optional(),
  ),
})

export const bulletinGenerateForm = formBody({
  root: formText,
  period: formText,
  wOnTime: formText,
  wNotOverdue: formText,
  wUpheld: formText,
  wProactive: formText,
})

export const bulletinTextForm = formBody({ title: formText, docNo: formText, intro: formText, closing: formText })

export const bulletinParams = z.object({
  id: z.coerce.number({ message: '编号应为数字' }).int('编号应为整数').positive('编号应为正整数'),
})

export const elsewhereForm = formBody({ agency: formText, year: formText, url: formText, text: formText })
