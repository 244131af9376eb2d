import { z } from 'zod'
import { formText } from './formSchemas.js'

// Contracts of the public pages and JSON API of 政务服务事项.

export const servicesParams = z.object({ code: z.string().describe('机关的统一社会信用代码') })
export const serviceGuideParams = z.object({
  code: z.string(),
  id: z.coerce.number().int().positive().catch(0),
})
export const servicesQuery = z.looseObject({ q: formText, kind: formText })

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
