import { z } from 'zod'
import { SERVICE_ITEM_KIND_CODES } from './kinds.js'

// 办事指南：《国务院关于加快推进“互联网+政务服务”工作的指导意见》（国发〔2016〕55号）要求的要素，按浙江省“八统一”字段。
export const GUIDE_FIELDS = [
  { key: 'basis', label: '设定依据' },
  { key: 'conditions', label: '申请条件' },
  { key: 'materials', label: '申报材料' },
  { key: 'process', label: '办理流程' },
  { key: 'timeLimit', label: '办理时限' },
  { key: 'fee', label: '收费标准' },
  { key: 'place', label: '办理地点' },
  { key: 'phone', label: '咨询电话' },
] as const

export type GuideKey = (typeof GUIDE_FIELDS)[number]['key']

const text = (label: string, required: boolean) =>
  required
    ? z.string().trim().min(1, `请填写${label}`).max(20000, `${label}过长（不超过20000字）`)
    : z.string().trim().max(20000, `${label}过长（不超过20000字）`).default('')

/** The four fields every guide must state (seed: 申请条件、申报材料、办理流程、设定依据); the others may be blank. */
export const guideSchema = z.object({
  basis: text('设定依据', true),
  conditions: text('申请条件', true),
  materials: text('申报材料', true),
  process: text('办理流程', true),
  timeLimit: text('办理时限', false),
  fee: text('收费标准', false),
  place: text('办理地点', false),
  phone: text('咨询电话', false),
})

export type Guide = z.output<typeof guideSchema>

export const serviceItemSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, '请填写事项编码')
    .max(64, '事项编码过长')
    .regex(/^[0-9A-Za-z-]+$/, '事项编码应为字母、数字或连字符'),
  name: z.string().trim().min(1, '请填写事项名称').max(200, '事项名称过长'),
  kind: z.enum(SERVICE_ITEM_KIND_CODES, { message: '事项类型应为行政许可、行政征收、其他行政权力、公共服务等' }),
  department: z.string().trim().max(100, '实施主体过长').default(''),
  guide: guideSchema,
})

export type ServiceItem = z.output<typeof serviceItemSchema>

/** A new version is kept only when what the public reads changed (whitespace at the ends aside). */
export function guideChanged(before: Guide, after: Guide): GuideKey[] {
  return GUIDE_FIELDS.map((f) => f.key).filter((k) => before[k].trim() !== after[k].trim())
}
