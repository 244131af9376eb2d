import { z } from 'zod'
import { INSPECTION_OUTCOME_CODES } from '../../domain/inspections/results.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

const line = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}过长`)

export const inspectionItemInput = z.object({
  code: line('事项编码', 64),
  name: line('抽查事项名称'),
  sector: line('监管行业', 50),
  basis: line('检查依据', 2000),
  subject: line('检查主体'),
  content: line('检查内容', 2000),
  method: line('检查方式'),
})

export const poolInput = z.object({
  kind: z.enum(['inspector', 'entity'], { message: '名录类型应为执法检查人员或检查对象' }),
  sector: line('监管行业', 50),
  name: line('名录名称'),
  text: z.string().max(500_000, '名录过长'),
})

export const announceInput = z.object({
  itemId: z.coerce.number({ message: '请选择抽查事项' }).int().positive('请选择抽查事项'),
  inspectorPoolId: z.coerce.number({ message: '请选择执法检查人员名录' }).int().positive('请选择执法检查人员名录'),
  entityPoolId: z.coerce.number({ message: '请选择检查对象名录' }).int().positive('请选择检查对象名录'),
  inspectors: z.coerce
    .number({ message: '抽取人数应为数字' })
    .int()
    .min(2, '每次检查至少抽取2名执法人员')
    .max(50, '抽取人数过多'),
  entities: z.coerce
    .number({ message: '抽取对象数应为数字' })
    .int()
    .min(1, '至少抽取1个检查对象')
    .max(10_000, '抽取对象数过多'),
})

export const resultInput = z.object({
  entityId: line('检查对象', 64),
  outcome: z.enum(INSPECTION_OUTCOME_CODES, { message: '请选择检查结果' }),
  note: z.string().trim().max(2000, '说明过长').default(''),
})

/** Parses input or throws the Chinese problems, naming the fields. */
export function parseOr<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  return parsed.data
}
