import { z } from 'zod'
import { formText } from './formSchemas.js'

// Contracts of the public pages and JSON API of issue 18 (service items, 双随机一公开).

export const servicesParams = z.object({ code: z.string().describe('机关的统一社会信用代码') })
export const serviceGuideParams = z.object({
  code: z.string(),
  id: z.coerce.number().int().positive().catch(0),
})
export const servicesQuery = z.looseObject({ q: formText, kind: formText })
export const inspectionsQuery = z.looseObject({ year: z.coerce.number().int().catch(0).default(0) })
export const drawParams = z.object({
  id: z.coerce.number({ message: '编号应为数字' }).int().positive().describe('抽查编号'),
})

export const servicesJsonQuery = z.object({
  q: z.string().max(50).optional().describe('在事项名称、编码中查找'),
  kind: z.string().optional().describe('事项类型代码，如 licensing（行政许可）'),
})

export const servicesResponse = z.object({
  agency: z.object({ name: z.string(), code: z.string() }),
  total: z.number().int().describe('机关的事项总数'),
  kinds: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      version: z.number().int().describe('办事指南当前版本'),
      url: z.string().describe('办事指南页面'),
    }),
  ),
})

const poolCopy = z.object({
  count: z.number().int().describe('抽取数量'),
  fingerprint: z.string().describe('名录的 SM3 指纹'),
  entries: z.array(z.object({ id: z.string(), name: z.string() })),
})

export const drawResponse = z.object({
  id: z.number().int(),
  agency: z.object({ name: z.string(), code: z.string() }),
  item: z.string(),
  sector: z.string(),
  year: z.number().int(),
  announcedOn: z.string(),
  announcedAt: z.string(),
  drawnAt: z.string().nullable(),
  seed: z.string().describe('随机种子（抽取前公布）'),
  inspectors: poolCopy,
  entities: poolCopy,
  result: z.object({ inspectors: z.array(z.string()), entities: z.array(z.string()) }).nullable(),
})
